package dev.vigil.sandbox.server;

import dev.vigil.sandbox.capacity.ServiceTimes;
import dev.vigil.sandbox.models.Database;
import dev.vigil.sandbox.models.Env;
import dev.vigil.sandbox.models.ModelCalls;
import dev.vigil.sandbox.models.User;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The stateless {@code POST /jsonrpc} services: {@code common} ({@code version}, {@code login},
 * {@code authenticate}; a wrong password answers {@code false}), {@code object}
 * ({@code execute_kw [db, uid, password, model, method, args, kwargs]} and {@code execute}; a wrong
 * password is {@code AccessDenied}), {@code db} ({@code list}, {@code server_version}).
 */
final class RpcServices {
  private final OdooServer server;

  RpcServices(OdooServer server) {
    this.server = server;
  }

  JsonRpcEndpoint endpoint() {
    return new JsonRpcEndpoint(this::database, this::serviceMillis, this::handle);
  }

  private String database(JsonRpcCall call) {
    String method = call.optionalText("method");
    boolean usesDatabase = "object".equals(call.optionalText("service"))
        || "login".equals(method) || "authenticate".equals(method);
    return usesDatabase && call.list("args").getValue(0) instanceof String db && server.database(db).isPresent()
        ? db : null;
  }

  private long serviceMillis(JsonRpcCall call) {
    String service = String.valueOf(call.optionalText("service"));
    String method = String.valueOf(call.optionalText("method"));
    JsonArray args = call.list("args");
    if (service.equals("object") && args.size() > 4) {
      return ServiceTimes.JSONRPC_OVERHEAD + ServiceTimes.call(String.valueOf(args.getValue(3)), String.valueOf(args.getValue(4)));
    }
    if (service.equals("common") && (method.equals("login") || method.equals("authenticate"))) {
      return ServiceTimes.AUTHENTICATE;
    }
    return service.equals("db") ? ServiceTimes.DATABASE_LIST : ServiceTimes.VERSION_INFO;
  }

  private HttpReply handle(JsonRpcCall call) {
    String service = String.valueOf(call.optionalText("service"));
    String method = String.valueOf(call.optionalText("method"));
    JsonArray args = call.list("args");
    Object result = switch (service) {
      case "common" -> common(method, args);
      case "object" -> object(method, args);
      case "db" -> db(method);
      default -> throw OdooErrors.keyError(service);
    };
    return HttpReply.json(200, JsonRpcEnvelope.result(call.id(), result));
  }

  private Object common(String method, JsonArray args) {
    return switch (method) {
      case "version" -> server.dialect().versionInfo();
      case "login", "authenticate" -> {
        Database db = existing(args.getValue(0));
        server.counters().countAuthentication(db.name());
        yield server.accounts().authenticate(stringAt(args, 1), stringAt(args, 2)).map(User::uid).map(Object.class::cast)
            .orElse(false);
      }
      default -> throw OdooErrors.keyError("exp_" + method);
    };
  }

  private Object object(String method, JsonArray args) {
    if (!method.equals("execute_kw") && !method.equals("execute")) {
      throw OdooErrors.keyError("exp_" + method);
    }
    Database db = existing(args.getValue(0));
    long uid = args.getValue(1) instanceof Number number ? number.longValue() : -1;
    User user = server.accounts().check(uid, stringAt(args, 2)).orElseThrow(OdooErrors::accessDenied);
    String model = stringAt(args, 3);
    String modelMethod = stringAt(args, 4);
    if (model == null || modelMethod == null) {
      throw OdooErrors.typeError(method + "() missing 2 required positional arguments: 'model' and 'method'");
    }
    if (!db.hasModel(model)) {
      throw OdooErrors.userError("Object " + model + " doesn't exist");
    }
    Env env = new Env(db, user, null);
    if (method.equals("execute")) {
      return ModelCalls.callKw(env, model, modelMethod, new JsonArray(args.getList().subList(5, args.size())),
          new JsonObject());
    }
    JsonArray positional = args.getValue(5) instanceof JsonArray list ? list : new JsonArray();
    JsonObject keywords = args.getValue(6) instanceof JsonObject map ? map : new JsonObject();
    return ModelCalls.callKw(env, model, modelMethod, positional, keywords);
  }

  private Object db(String method) {
    return switch (method) {
      case "list" -> new JsonArray(server.databaseNames());
      case "server_version" -> server.dialect().versionInfo().getString("server_version");
      default -> throw OdooErrors.keyError("exp_" + method);
    };
  }

  /** The database named by the first argument, up. */
  private Database existing(Object name) {
    Database db = server.database(name instanceof String text ? text : null)
        .orElseThrow(() -> OdooServer.noSuchDatabase(String.valueOf(name)));
    server.requireUp(db.name());
    return db;
  }

  private static String stringAt(JsonArray args, int index) {
    return index < args.size() && args.getValue(index) instanceof String text ? text : null;
  }
}
