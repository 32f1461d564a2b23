package dev.vigil.odoo;

import dev.vigil.domain.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Odoo's web client does: {@code POST /web/session/authenticate}, which sets a {@code
 * session_id} cookie, then {@code POST /web/dataset/call_kw/<model>/<method>} with that cookie.
 * The version comes with the login, or from {@code /web/webclient/version_info}.
 */
final class SessionRpc implements OdooProtocol {
  private static final String AUTHENTICATE = "/web/session/authenticate";
  private static final String VERSION_INFO = "/web/webclient/version_info";

  private final JsonRpcRoute route;
  private final OdooTarget target;
  private final CookieJar cookies = new CookieJar();

  SessionRpc(JsonRpcRoute route, OdooTarget target) {
    this.route = route;
    this.target = target;
  }

  @Override
  public String loginName() {
    return "session/authenticate";
  }

  @Override
  public Future<Login> authenticate(Secret secret, Deadline deadline) {
    JsonObject params = new JsonObject()
        .put("db", target.database())
        .put("login", target.login())
        .put("password", secret.reveal());
    return route.post(AUTHENTICATE, params, MultiMap.caseInsensitiveMultiMap(), deadline,
            loginName(), true)
        .map(this::loggedIn);
  }

  private Login loggedIn(JsonRpcRoute.Reply reply) {
    if (!(reply.result() instanceof JsonObject info) || !(info.getValue("uid") instanceof Number uid)) {
      throw OdooFaults.loginRefused(loginName(), "Odoo answered without a user id");
    }
    String cookie = CookieJar.sessionId(reply.response())
        .orElseThrow(() -> OdooFaults.unexpectedAnswer(loginName(), "no session_id cookie was set"));
    cookies.set(cookie);
    Optional<ServerVersion> version = info.getValue("server_version_info") instanceof JsonArray
        ? Optional.of(ServerVersion.from(loginName(), info))
        : Optional.empty();
    return new Login(uid.intValue(), version);
  }

  @Override
  public Future<Object> call(
      Authenticated login, String model, String method, List<Object> args,
      Map<String, Object> kwargs, Deadline deadline) {
    String sent = cookies.current();
    if (sent == null) {
      return Future.failedFuture(new SessionLost("no session cookie"));
    }
    JsonObject params = new JsonObject()
        .put("model", model)
        .put("method", method)
        .put("args", new JsonArray(args))
        .put("kwargs", new JsonObject(kwargs));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Cookie", CookieJar.SESSION_ID + "=" + sent);
    String path = "/web/dataset/call_kw/" + OdooHttp.segment(model) + "/" + OdooHttp.segment(method);
    return route.post(path, params, headers, deadline, model + "." + method, false)
        .map(reply -> {
          CookieJar.sessionId(reply.response()).ifPresent(received -> cookies.rotate(sent, received));
          return reply.result();
        });
  }

  @Override
  public Future<ServerVersion> detectVersion(Deadline deadline) {
    return route.post(VERSION_INFO, new JsonObject(), MultiMap.caseInsensitiveMultiMap(), deadline,
            "version_info", false)
        .map(reply -> ServerVersion.from("version_info", reply.result()));
  }

  @Override
  public void forget() {
    cookies.clear();
  }
}
