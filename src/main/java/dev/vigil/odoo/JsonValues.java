package dev.vigil.odoo;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoding bodies into Vert.x JSON values (JsonObject, JsonArray, String, Number, Boolean, null). */
final class JsonValues {
  private JsonValues() {}

  /** A decoded body holding a JSON value, which may be null. */
  record Decoded(Object value) {}

  /** The body's JSON value, or empty when the body is not JSON. */
  static Optional<Decoded> decode(Buffer body) {
    if (body == null || body.length() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Decoded(wrap(Json.decodeValue(body))));
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  static Object wrap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return new JsonArray((List<Object>) list);
    }
    return value;
  }
}
