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
 * Odoo's stateless {@code POST /jsonrpc}: {@code common.login [db, login, password]} gives the uid
 * (or {@code false} for a wrong password: an AUTH fault), then every call is {@code
 * object.execute_kw [db, uid, password, model, method, args, kwargs]}. An {@code AccessDenied} on a
 * call means the uid/password pair no longer holds: reported as {@link SessionLost} so the client
 * logs in again (re-reading the secret) once. The version comes from {@code common.version}.
 */
final class StatelessRpc implements OdooProtocol {
  private static final String PATH = "/jsonrpc";

  private final JsonRpcRoute route;
  private final OdooTarget target;

  StatelessRpc(JsonRpcRoute route, OdooTarget target) {
    this.route = route;
    this.target = target;
  }

  @Override
  public String loginName() {
    return "common.login";
  }

  @Override
  public Future<Login> authenticate(Secret secret, Deadline deadline) {
    JsonArray args = new JsonArray().add(target.database()).add(target.login()).add(secret.reveal());
    return route.post(PATH, service("common", "login", args), none(), deadline, loginName(), true)
        .map(reply -> {
          if (reply.result() instanceof Number uid && uid.intValue() > 0) {
            return new Login(uid.intValue(), Optional.empty());
          }
          throw OdooFaults.loginRefused(
              loginName(), "login or password refused (Odoo answered " + reply.result() + ")");
        });
  }

  @Override
  public Future<Object> call(
      Authenticated login, String model, String method, List<Object> args,
      Map<String, Object> kwargs, Deadline deadline) {
    JsonArray executeArgs = new JsonArray()
        .add(target.database())
        .add(login.session().uid())
        .add(login.secret().reveal())
        .add(model)
        .add(method)
        .add(new JsonArray(args))
        .add(new JsonObject(kwargs));
    String what = model + "." + method;
    return route.post(PATH, service("object", "execute_kw", executeArgs), none(), deadline, what, false)
        .map(JsonRpcRoute.Reply::result)
        .recover(err -> Future.failedFuture(
            err instanceof OdooFault fault && OdooFaults.ACCESS_DENIED.equals(fault.odooName())
                ? new SessionLost("Odoo answered AccessDenied for the uid and password")
                : err));
  }

  @Override
  public Future<ServerVersion> detectVersion(Deadline deadline) {
    return route.post(PATH, service("common", "version", new JsonArray()), none(), deadline,
            "common.version", false)
        .map(reply -> ServerVersion.from("common.version", reply.result()));
  }

  private static JsonObject service(String service, String method, JsonArray args) {
    return new JsonObject().put("service", service).put("method", method).put("args", args);
  }

  private static MultiMap none() {
    return MultiMap.caseInsensitiveMultiMap();
  }
}
