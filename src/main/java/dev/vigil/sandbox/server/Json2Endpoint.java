package dev.vigil.sandbox.server;

import dev.vigil.sandbox.capacity.ServiceTimes;
import dev.vigil.sandbox.models.Database;
import dev.vigil.sandbox.models.Env;
import dev.vigil.sandbox.models.ModelCalls;
import dev.vigil.sandbox.models.User;
import dev.vigil.sandbox.orm.OdooError;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * Odoo 19's {@code POST /json/2/<model>/<method>}: {@code Authorization: bearer <api key>}, the
 * database in {@code X-Odoo-Database} (optional when the server has one), the method's arguments
 * by name in a JSON object ({@code ids}, {@code context}, {@code domain}, {@code vals_list}...).
 * The result is the body of a 200; an error is a 4xx/5xx with {@code {name, message, arguments,
 * context, debug}} (401 bad key, 403 access, 404 missing record or model, 422 business rule or bad
 * arguments, 500 other).
 */
final class Json2Endpoint {
  private final OdooServer server;

  Json2Endpoint(OdooServer server) {
    this.server = server;
  }

  /** A JSON-2 request: path parameters, headers and raw body. */
  record Request(String model, String method, String authorization, String databaseHeader, String body) {}

  /** The database the request addresses, if the server has it. */
  Optional<Database> database(Request request) {
    if (request.databaseHeader() != null) {
      return server.database(request.databaseHeader());
    }
    return server.databaseNames().size() == 1 ? server.database(server.databaseNames().get(0)) : Optional.empty();
  }

  long serviceMillis(Request request) {
    return ServiceTimes.call(request.model(), request.method());
  }

  /** Answers the request for an existing database. */
  HttpReply handle(Request request, Database db) {
    try {
      User user = apiKey(request.authorization()).flatMap(server.accounts()::byApiKey)
          .orElseThrow(() -> OdooErrors.httpException("Unauthorized", 401, "Invalid apikey"));
      server.requireUp(db.name());
      JsonObject body = parse(request.body());
      if (!db.hasModel(request.model())) {
        throw OdooErrors.httpException("NotFound", 404, "The model " + request.model() + " does not exist.");
      }
      Object result = ModelCalls.callNamed(new Env(db, user, null), request.model(), request.method(), body);
      return HttpReply.json(200, result);
    } catch (OdooError error) {
      return HttpReply.json(error.httpStatus(), error.data());
    }
  }

  private static Optional<String> apiKey(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring("bearer ".length()).trim());
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw OdooErrors.httpException("BadRequest", 400, "could not parse the body as json: " + PythonJson.decodeError(body));
    }
  }
}
