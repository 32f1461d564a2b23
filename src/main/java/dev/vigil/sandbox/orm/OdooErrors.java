package dev.vigil.sandbox.orm;

import io.vertx.core.json.JsonArray;
import java.util.List;

/** Builds the {@link OdooError}s an Odoo server answers with, worded as the recordings show them. */
public final class OdooErrors {
  private static final String SERVER_ERROR = "Odoo Server Error";
  private static final String NOT_FOUND_TEXT =
      "404 Not Found: The requested URL was not found on the server. If you entered the URL manually"
          + " please check your spelling and try again.";

  private OdooErrors() {}

  /** {@code odoo.exceptions.UserError}: a business rule refused the operation. */
  public static OdooError userError(String message) {
    return odoo("UserError", message, 422);
  }

  /** {@code odoo.exceptions.ValidationError}: a constraint failed. */
  public static OdooError validationError(String message) {
    return odoo("ValidationError", message, 422);
  }

  /** {@code odoo.exceptions.AccessError}: no access rights, or an unknown database. */
  public static OdooError accessError(String message) {
    return odoo("AccessError", message, 403);
  }

  /** {@code odoo.exceptions.AccessDenied}: wrong login or password. */
  public static OdooError accessDenied() {
    return odoo("AccessDenied", "Access Denied", 403);
  }

  /** {@code odoo.exceptions.MissingError} for records of {@code model} that do not exist. */
  public static OdooError missingError(String model, List<Long> ids, long uid) {
    String message = "Record does not exist or has been deleted.\n(Record: " + model + PyRepr.tuple(ids)
        + ", User: " + uid + ")";
    return odoo("MissingError", message, 404);
  }

  /** {@code builtins.ValueError}: a bad field name or value. */
  public static OdooError valueError(String message) {
    return builtin("ValueError", message, message, 500);
  }

  /** {@code builtins.AttributeError}: the model has no such method. */
  public static OdooError noSuchMethod(String model, String method) {
    String message = "The method '" + method + "' does not exist on the model '" + model + "'";
    return builtin("AttributeError", message, message, 500);
  }

  /** {@code builtins.KeyError} for a missing key (its message is the bare key). */
  public static OdooError keyError(String key) {
    return builtin("KeyError", key, PyRepr.of(key), 500);
  }

  /** {@code builtins.TypeError}: the method does not take these arguments (JSON-2: 422). */
  public static OdooError typeError(String message) {
    return builtin("TypeError", message, message, 422);
  }

  /** {@code psycopg2.OperationalError}: PostgreSQL could not be reached. */
  public static OdooError operationalError(String message) {
    String lastLine = message.strip().lines().reduce((first, second) -> second).orElse("");
    return new OdooError("psycopg2.OperationalError", message, args(message), 200, SERVER_ERROR, 500,
        "psycopg2.OperationalError: " + lastLine);
  }

  /** {@code json.decoder.JSONDecodeError}: the request body is not JSON. */
  public static OdooError jsonDecodeError(String message) {
    return new OdooError("json.decoder.JSONDecodeError", message, args(message), 200, SERVER_ERROR, 400,
        "json.decoder.JSONDecodeError: " + message);
  }

  /** {@code werkzeug.exceptions.NotFound} as JSON-RPC answers an unknown model (code 404, id null). */
  public static OdooError notFound() {
    return new OdooError("werkzeug.exceptions.NotFound", NOT_FOUND_TEXT, new JsonArray(), 404,
        "404: Not Found", 404, "werkzeug.exceptions.NotFound: " + NOT_FOUND_TEXT);
  }

  /** {@code odoo.http.SessionExpiredException}: no valid session (code 100). */
  public static OdooError sessionExpired() {
    return new OdooError("odoo.http.SessionExpiredException", "Session expired", args("Session expired"),
        100, "Odoo Session Expired", 403, "odoo.http.SessionExpiredException: Session expired");
  }

  /** An HTTP exception of the JSON-2 API: {@code werkzeug.exceptions.<name>} with its status. */
  public static OdooError httpException(String name, int status, String description) {
    JsonArray arguments = new JsonArray().add(description).add(status);
    return new OdooError("werkzeug.exceptions." + name, description, arguments, 200, SERVER_ERROR, status,
        "werkzeug.exceptions." + name + ": " + status + " " + name + ": " + description);
  }

  private static OdooError odoo(String name, String message, int httpStatus) {
    String qualified = "odoo.exceptions." + name;
    return new OdooError(qualified, message, args(message), 200, SERVER_ERROR, httpStatus,
        qualified + ": " + message);
  }

  private static OdooError builtin(String name, String message, String shown, int httpStatus) {
    return new OdooError("builtins." + name, message, args(message), 200, SERVER_ERROR, httpStatus,
        name + ": " + shown);
  }

  private static JsonArray args(String message) {
    return new JsonArray().add(message);
  }
}
