package dev.vigil.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.util.List;

/**
 * A minimal JSON-RPC client of a sandbox for tests: one cookie-keeping session, like a browser
 * tab. Answers are the raw envelopes, so tests can look at results and errors alike.
 */
final class SandboxRpc {
  private final WebClient client;
  private final WebClientSession session;
  private int nextId = 1;

  SandboxRpc(Vertx vertx, SandboxOdoo sandbox) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(sandbox.port()).setFollowRedirects(false));
    this.session = WebClientSession.create(client);
  }

  /** A web client without cookies, for stateless calls. */
  WebClient plain() {
    return client;
  }

  /** POSTs a JSON-RPC request to {@code path} with the session's cookies. */
  Future<HttpResponse<Buffer>> post(String path, JsonObject params) {
    JsonObject body = new JsonObject().put("jsonrpc", "2.0").put("method", "call").put("params", params)
        .put("id", nextId++);
    return session.post(path).sendJsonObject(body);
  }

  /** The JSON-RPC envelope answered to a POST. */
  Future<JsonObject> rpc(String path, JsonObject params) {
    return post(path, params).map(HttpResponse::bodyAsJsonObject);
  }

  Future<JsonObject> login(String db, String login, String password) {
    return rpc("/web/session/authenticate",
        new JsonObject().put("db", db).put("login", login).put("password", password));
  }

  /** {@code model.method(*args, **kwargs)} through {@code /web/dataset/call_kw/<model>/<method>}. */
  Future<JsonObject> callKw(String model, String method, JsonArray args, JsonObject kwargs) {
    return rpc("/web/dataset/call_kw/" + model + "/" + method, new JsonObject()
        .put("model", model).put("method", method).put("args", args).put("kwargs", kwargs));
  }

  /** {@code model.method(*args)}, without keyword arguments. */
  Future<JsonObject> call(String model, String method, Object... args) {
    return callKw(model, method, new JsonArray(List.of(args)), new JsonObject());
  }

  /** The {@code result} of a call, failing the future with the error when there is one. */
  Future<Object> result(String model, String method, Object... args) {
    return call(model, method, args).compose(SandboxRpc::result);
  }

  static Future<Object> result(JsonObject envelope) {
    if (envelope.containsKey("error")) {
      return Future.failedFuture(new AssertionError("Odoo error: " + envelope.getJsonObject("error").encode()));
    }
    return Future.succeededFuture(envelope.getValue("result"));
  }

  /** {@code error.data.name} of an envelope, or null. */
  static String errorName(JsonObject envelope) {
    JsonObject error = envelope.getJsonObject("error");
    return error == null ? null : error.getJsonObject("data").getString("name");
  }

  /** {@code error.data.message} of an envelope, or null. */
  static String errorMessage(JsonObject envelope) {
    JsonObject error = envelope.getJsonObject("error");
    return error == null ? null : error.getJsonObject("data").getString("message");
  }

  static JsonArray ids(long... ids) {
    JsonArray list = new JsonArray();
    for (long id : ids) {
      list.add(id);
    }
    return list;
  }

  static JsonArray domain(String field, String operator, Object value) {
    return new JsonArray().add(new JsonArray().add(field).add(operator).add(value));
  }

  /** An x2many create command {@code [0, 0, values]}. */
  static JsonArray lines(JsonObject... values) {
    JsonArray commands = new JsonArray();
    for (JsonObject line : values) {
      commands.add(new JsonArray().add(0).add(0).add(line));
    }
    return commands;
  }
}
