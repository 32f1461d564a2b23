package dev.vigil.sandbox.server;

import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One JSON-RPC request as an endpoint sees it: the request id (echoed back), the params, the
 * path, the session of its cookie (null when none is live) and the server's base URL.
 */
record JsonRpcCall(Object id, JsonObject params, String path, Session session, String baseUrl) {

  /**
   * The logged-in session.
   *
   * @throws NoSession when the request has none
   */
  Session requireSession() {
    if (session == null || !session.loggedIn()) {
      throw new NoSession();
    }
    return session;
  }

  /** A string parameter; a missing one is a {@code TypeError} as in Python. */
  String text(String name) {
    Object value = params.getValue(name);
    if (!(value instanceof String text)) {
      throw OdooErrors.typeError(path + "() missing 1 required positional argument: '" + name + "'");
    }
    return text;
  }

  /** A string parameter, or null. */
  String optionalText(String name) {
    return params.getValue(name) instanceof String text ? text : null;
  }

  JsonArray list(String name) {
    return params.getValue(name) instanceof JsonArray list ? list : new JsonArray();
  }

  JsonObject object(String name) {
    return params.getValue(name) instanceof JsonObject object ? object : new JsonObject();
  }

  /** Thrown by session-bound endpoints called without a logged-in session. */
  static final class NoSession extends RuntimeException {
    NoSession() {
      super("no session", null, false, false);
    }
  }
}
