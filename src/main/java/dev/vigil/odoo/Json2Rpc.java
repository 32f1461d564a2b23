package dev.vigil.odoo;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Odoo 19's {@code POST /json/2/<model>/<method>} with {@code Authorization: bearer <api key>} and
 * {@code X-Odoo-Database}, named arguments in the body ({@link Json2Arguments}). There is no login
 * as such: "authenticating" asks {@code res.users/context_get} for the key's uid, which proves the
 * key works. Answers are the plain JSON return value (2xx) or an error object {@code {name,
 * message, ...}} with a 4xx/5xx status.
 *
 * <p>A 401, or a 403 that is not an Odoo exception (a {@code Forbidden} from the key check or a
 * proxy), means the key is refused: {@link SessionLost}, so the client re-reads the secret (the
 * key may have been rotated) and retries once. A 403 carrying {@code odoo.exceptions.AccessError}
 * is an ACCESS fault. A 404 to the login means the database (or the API) is not there: AUTH, as
 * an unknown database is with the other APIs. The version comes from {@code GET /web/version},
 * falling back to {@code /web/webclient/version_info} where that route does not exist.
 */
final class Json2Rpc implements OdooProtocol {
  private static final String CONTEXT_GET = "/json/2/res.users/context_get";

  private final OdooHttp http;
  private final JsonRpcRoute route;
  private final OdooTarget target;

  Json2Rpc(OdooHttp http, JsonRpcRoute route, OdooTarget target) {
    this.http = http;
    this.route = route;
    this.target = target;
  }

  @Override
  public String loginName() {
    return "res.users.context_get";
  }

  @Override
  public Future<Login> authenticate(Secret secret, Deadline deadline) {
    return http.postJson(CONTEXT_GET, headers(secret), new JsonObject().toBuffer(), deadline, loginName())
        .map(response -> {
          if (response.statusCode() == 404) {
            // No such route for this database: it does not exist here, or the server is older than 19.
            throw new OdooFault(ErrorClass.AUTH, "http 404", loginName() + ": HTTP 404, no database '"
                + target.database() + "' on this server, or no JSON-2 API (Odoo 19 and later)", 404, null);
          }
          return interpret(response, loginName(), true);
        })
        .map(context -> {
          if (context instanceof JsonObject c && c.getValue("uid") instanceof Number uid) {
            return new Login(uid.intValue(), Optional.empty());
          }
          throw OdooFaults.unexpectedAnswer(loginName(), "no uid in the user context");
        });
  }

  @Override
  public Future<Object> call(
      Authenticated login, String model, String method, List<Object> args,
      Map<String, Object> kwargs, Deadline deadline) {
    String what = model + "." + method;
    JsonObject body;
    try {
      body = Json2Arguments.body(model, method, args, kwargs);
    } catch (OdooFault refused) {
      return Future.failedFuture(refused);
    }
    String path = "/json/2/" + OdooHttp.segment(model) + "/" + OdooHttp.segment(method);
    return http.postJson(path, headers(login.secret()), body.toBuffer(), deadline, what)
        .map(response -> interpret(response, what, false));
  }

  @Override
  public Future<ServerVersion> detectVersion(Deadline deadline) {
    return http.get("/web/version", deadline, "/web/version")
        .compose(response -> response.statusCode() == 404
            ? route.post("/web/webclient/version_info", new JsonObject(),
                    MultiMap.caseInsensitiveMultiMap(), deadline, "version_info", false)
                .map(reply -> ServerVersion.from("version_info", reply.result()))
            : Future.succeededFuture(
                ServerVersion.from("/web/version", interpret(response, "/web/version", false))));
  }

  private MultiMap headers(Secret secret) {
    return MultiMap.caseInsensitiveMultiMap()
        .add(HttpHeaders.AUTHORIZATION, "bearer " + secret.reveal())
        .add("X-Odoo-Database", target.database());
  }

  private static Object interpret(HttpResponse<Buffer> response, String what, boolean duringLogin) {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw JsonRpcRoute.redirected(what, status, response.getHeader(HttpHeaders.LOCATION), duringLogin);
    }
    Optional<JsonValues.Decoded> decoded = JsonValues.decode(response.body());
    if (status < 300) {
      return decoded
          .orElseThrow(() -> OdooFaults.notAnAnswer(what, status, response.body()))
          .value();
    }
    Optional<JsonObject> error = decoded
        .map(JsonValues.Decoded::value)
        .filter(JsonObject.class::isInstance)
        .map(JsonObject.class::cast)
        .filter(e -> e.getValue("name") instanceof String);
    String name = error.map(e -> e.getString("name")).orElse(null);
    boolean keyRefused = status == 401
        || (status == 403 && (name == null || "werkzeug.exceptions.Forbidden".equals(name)));
    if (keyRefused) {
      if (!duringLogin) {
        throw new SessionLost("HTTP " + status + ", the API key was refused");
      }
      String message = error.map(e -> String.valueOf(e.getValue("message"))).orElse("refused");
      throw OdooFaults.loginRefused(what, "HTTP " + status + ", the API key was refused: "
          + OdooFaults.truncate(message));
    }
    if (error.isPresent()) {
      String message = error.get().getValue("message") instanceof String m ? m : "no message";
      throw OdooFaults.named(what, name, message, status, duringLogin);
    }
    throw OdooFaults.httpStatus(what, status, response.body());
  }
}
