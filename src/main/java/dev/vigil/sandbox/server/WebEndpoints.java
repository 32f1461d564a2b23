package dev.vigil.sandbox.server;

import dev.vigil.sandbox.capacity.ServiceTimes;
import dev.vigil.sandbox.models.Database;
import dev.vigil.sandbox.models.Env;
import dev.vigil.sandbox.models.ModelCalls;
import dev.vigil.sandbox.models.User;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web client's JSON routes: {@code /web/webclient/version_info},
 * {@code /web/session/authenticate|get_session_info|check|destroy}, {@code /web/database/list},
 * {@code /web/dataset/call_kw[/<model>/<method>]} and 16's {@code /web/dataset/search_read}.
 */
final class WebEndpoints {
  private static final long UNKNOWN_DATABASE_MILLIS = 13;

  private final OdooServer server;

  WebEndpoints(OdooServer server) {
    this.server = server;
  }

  /** The endpoints by path. */
  Map<String, JsonRpcEndpoint> byPath() {
    Map<String, JsonRpcEndpoint> endpoints = new LinkedHashMap<>();
    endpoints.put("/web/webclient/version_info", JsonRpcEndpoint.withoutDatabase(ServiceTimes.VERSION_INFO,
        call -> withAnonymousSession(call, result(call, server.dialect().versionInfo()))));
    endpoints.put("/web/session/authenticate", new JsonRpcEndpoint(
        call -> server.database(call.optionalText("db")).map(Database::name).orElse(null),
        call -> server.database(call.optionalText("db")).isPresent()
            ? ServiceTimes.AUTHENTICATE : UNKNOWN_DATABASE_MILLIS,
        this::authenticate));
    endpoints.put("/web/session/get_session_info", JsonRpcEndpoint.sessionBound(call -> ServiceTimes.SESSION, call -> {
      Session session = call.requireSession();
      return result(call, SessionInfo.of(server.dialect(), session, call.baseUrl()))
          .withHeader("Set-Cookie", server.sessions().cookie(session));
    }));
    endpoints.put("/web/session/check", JsonRpcEndpoint.sessionBound(call -> ServiceTimes.SESSION, call -> {
      call.requireSession();
      return result(call, null);
    }));
    endpoints.put("/web/session/destroy", JsonRpcEndpoint.sessionBound(call -> ServiceTimes.SESSION, call -> {
      Session fresh = server.sessions().logout(call.requireSession().id());
      return result(call, null).withHeader("Set-Cookie", server.sessions().cookie(fresh));
    }));
    endpoints.put("/web/database/list", JsonRpcEndpoint.withoutDatabase(ServiceTimes.DATABASE_LIST,
        call -> withAnonymousSession(call, result(call, new JsonArray(server.databaseNames())))));
    JsonRpcEndpoint callKw = JsonRpcEndpoint.sessionBound(
        call -> ServiceTimes.call(String.valueOf(call.params().getValue("model")),
            String.valueOf(call.params().getValue("method"))),
        this::callKw);
    endpoints.put("/web/dataset/call_kw", callKw);
    endpoints.put("/web/dataset/call_kw/*", callKw);
    if (server.dialect().servesLegacySearchRead()) {
      endpoints.put("/web/dataset/search_read", JsonRpcEndpoint.sessionBound(call -> ServiceTimes.call("", "search_read"),
          this::legacySearchRead));
    }
    return endpoints;
  }

  private HttpReply authenticate(JsonRpcCall call) {
    String dbName = call.optionalText("db");
    Database db = server.database(dbName).orElseThrow(() -> OdooErrors.accessError("Database not found."));
    server.requireUp(db.name());
    server.counters().countAuthentication(db.name());
    User user = server.accounts().authenticate(call.optionalText("login"), call.optionalText("password"))
        .orElseThrow(OdooErrors::accessDenied);
    Session session = server.sessions().login(call.session() == null ? null : call.session().id(), db.name(), user);
    return result(call, SessionInfo.of(server.dialect(), session, call.baseUrl()))
        .withHeader("Set-Cookie", server.sessions().cookie(session));
  }

  private HttpReply callKw(JsonRpcCall call) {
    Env env = sessionEnv(call);
    String model = call.text("model");
    if (!env.db().hasModel(model)) {
      throw server.dialect().unknownModelOnCallKw(model);
    }
    return result(call, ModelCalls.callKw(env, model, call.text("method"), call.list("args"), call.object("kwargs")));
  }

  /** 16's {@code /web/dataset/search_read}: {@code {length, records}}. */
  private HttpReply legacySearchRead(JsonRpcCall call) {
    Env env = sessionEnv(call);
    String modelName = call.text("model");
    if (!env.db().hasModel(modelName)) {
      throw OdooErrors.keyError(modelName);
    }
    JsonObject kwargs = new JsonObject()
        .put("domain", call.list("domain"))
        .put("fields", call.list("fields"))
        .put("offset", call.params().getValue("offset") instanceof Number offset ? offset : 0)
        .put("limit", call.params().getValue("limit"))
        .put("order", call.optionalText("sort"));
    Object records = ModelCalls.callKw(env, modelName, "search_read", new JsonArray(), kwargs);
    Object length = ModelCalls.callKw(env, modelName, "search_count", new JsonArray().add(call.list("domain")), null);
    return result(call, new JsonObject().put("length", length).put("records", records));
  }

  private Env sessionEnv(JsonRpcCall call) {
    Session session = call.requireSession();
    server.requireUp(session.db());
    return new Env(server.database(session.db()).orElseThrow(), session.user(), null);
  }

  private HttpReply withAnonymousSession(JsonRpcCall call, HttpReply reply) {
    return call.session() != null ? reply : reply.withHeader("Set-Cookie", server.sessions().cookie(server.sessions().open()));
  }

  private static HttpReply result(JsonRpcCall call, Object result) {
    return HttpReply.json(200, JsonRpcEnvelope.result(call.id(), result));
  }
}
