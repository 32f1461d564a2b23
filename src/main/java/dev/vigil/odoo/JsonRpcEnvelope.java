package dev.vigil.odoo;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds JSON-RPC 2.0 request bodies ({@code {"jsonrpc":"2.0","method":"call","params":...,"id":N}}
 * with an increasing id) and reads Odoo's answers. Thread-safe.
 */
final class JsonRpcEnvelope {
  private final AtomicLong ids = new AtomicLong();

  /** An Odoo JSON-RPC answer: a result (null when Odoo returned None) or an error object. */
  sealed interface Answer {}

  /** {@code result}, or null when the answer has no {@code result} key (Odoo returned None). */
  record Result(Object value) implements Answer {}

  /** The {@code error} object: {@code {code, message, data: {name, message, ...}}}. */
  record Error(JsonObject error) implements Answer {

    boolean sessionExpired() {
      Object data = error.getValue("data");
      Object name = data instanceof JsonObject d ? d.getValue("name") : null;
      return OdooFaults.SESSION_EXPIRED.equals(name)
          || (error.getValue("code") instanceof Number code && code.intValue() == 100);
    }
  }

  Buffer request(JsonObject params) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("method", "call")
        .put("params", params)
        .put("id", ids.incrementAndGet())
        .toBuffer();
  }

  /** The answer in a body, or empty when the body is not a JSON-RPC answer. */
  static Optional<Answer> read(Buffer body) {
    return JsonValues.decode(body)
        .map(JsonValues.Decoded::value)
        .filter(JsonObject.class::isInstance)
        .map(JsonObject.class::cast)
        .flatMap(JsonRpcEnvelope::answer);
  }

  private static Optional<Answer> answer(JsonObject envelope) {
    if (envelope.getValue("error") instanceof JsonObject error) {
      return Optional.of(new Error(error));
    }
    if (envelope.containsKey("result") || "2.0".equals(envelope.getValue("jsonrpc"))) {
      return Optional.of(new Result(envelope.getValue("result")));
    }
    return Optional.empty();
  }
}
