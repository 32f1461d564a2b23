package dev.vigil.sandbox.orm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Python exception as an Odoo server reports it: its qualified name
 * ({@code odoo.exceptions.UserError}, {@code builtins.ValueError}), message and arguments, the
 * JSON-RPC error code and message it travels under, and the HTTP status the JSON-2 API gives it.
 * Built by {@link OdooErrors}; thrown by the sandbox's ORM and turned into a response by the HTTP
 * layer.
 */
public final class OdooError extends RuntimeException {
  private static final String TRACEBACK_HEAD =
      "Traceback (most recent call last):\n"
          + "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 1958, in _serve_db\n"
          + "    return service_model.retrying(self._serve_ir_http, self.env)\n"
          + "  File \"/usr/lib/python3/dist-packages/odoo/service/model.py\", line 134, in retrying\n"
          + "    result = func()\n";

  private final String name;
  private final JsonArray arguments;
  private final int rpcCode;
  private final String rpcMessage;
  private final int httpStatus;
  private final String lastLine;

  OdooError(
      String name, String message, JsonArray arguments, int rpcCode, String rpcMessage, int httpStatus,
      String lastLine) {
    super(message, null, false, false);
    this.name = name;
    this.arguments = arguments;
    this.rpcCode = rpcCode;
    this.rpcMessage = rpcMessage;
    this.httpStatus = httpStatus;
    this.lastLine = lastLine;
  }

  /** The exception's qualified name, {@code error.data.name}. */
  public String name() {
    return name;
  }

  /** The JSON-RPC {@code error.code}: 200 for server errors, 100 for an expired session, 404. */
  public int rpcCode() {
    return rpcCode;
  }

  /** The JSON-RPC {@code error.message}: "Odoo Server Error", "Odoo Session Expired", ... */
  public String rpcMessage() {
    return rpcMessage;
  }

  /** The status the JSON-2 API answers this error with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the JSON-RPC response carries {@code "id": null} (errors raised before dispatch). */
  public boolean answersWithoutId() {
    return rpcCode == 404 || name.equals("json.decoder.JSONDecodeError");
  }

  /** A Python traceback whose last line is the exception, as Odoo's {@code debug}. */
  public String debug() {
    return TRACEBACK_HEAD + lastLine + "\n";
  }

  /** The {@code error.data} object: name, debug, message, arguments, context. */
  public JsonObject data() {
    return new JsonObject()
        .put("name", name)
        .put("debug", debug())
        .put("message", getMessage())
        .put("arguments", arguments.copy())
        .put("context", new JsonObject());
  }
}
