package dev.vigil.sandbox.server;

import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A JSON-RPC route: which database a call works on (it decides hang, down, latency multiplier
 * and counters; null for none), how long it holds a worker, and the handler. Handlers may throw
 * {@link dev.vigil.sandbox.orm.OdooError} and {@link JsonRpcCall.NoSession}.
 */
record JsonRpcEndpoint(
    Function<JsonRpcCall, String> database,
    ToLongFunction<JsonRpcCall> serviceMillis,
    Function<JsonRpcCall, HttpReply> handler) {

  /** A route that needs no database. */
  static JsonRpcEndpoint withoutDatabase(long millis, Function<JsonRpcCall, HttpReply> handler) {
    return new JsonRpcEndpoint(call -> null, call -> millis, handler);
  }

  /** A route of a logged-in session, working on the session's database. */
  static JsonRpcEndpoint sessionBound(ToLongFunction<JsonRpcCall> millis, Function<JsonRpcCall, HttpReply> handler) {
    return new JsonRpcEndpoint(
        call -> call.session() != null && call.session().loggedIn() ? call.session().db() : null, millis, handler);
  }
}
