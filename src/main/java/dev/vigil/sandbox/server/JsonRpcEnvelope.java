package dev.vigil.sandbox.server;

import dev.vigil.sandbox.orm.OdooError;
import io.vertx.core.json.JsonObject;

/**
 * JSON-RPC 2.0 responses as Odoo writes them: {@code {"jsonrpc", "id", "result"}} with no
 * {@code result} key for Python's {@code None}, or {@code {"jsonrpc", "id", "error": {"code",
 * "message", "data"}}} (HTTP 200 either way).
 */
public final class JsonRpcEnvelope {
  private JsonRpcEnvelope() {}

  /** A result; {@code result == null} leaves the key out. */
  public static JsonObject result(Object id, Object result) {
    JsonObject response = new JsonObject().put("jsonrpc", "2.0").put("id", id);
    if (result != null) {
      response.put("result", result);
    }
    return response;
  }

  /** An error; errors raised before dispatch answer {@code "id": null}. */
  public static JsonObject error(Object id, OdooError error) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", error.answersWithoutId() ? null : id)
        .put("error", new JsonObject()
            .put("code", error.rpcCode())
            .put("message", error.rpcMessage())
            .put("data", error.data()));
  }
}
