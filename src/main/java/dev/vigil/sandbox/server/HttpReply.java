package dev.vigil.sandbox.server;

import io.vertx.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer, independent of Vert.x: status, content type, body and extra headers. */
public record HttpReply(int status, String contentType, String body, Map<String, String> headers) {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  public HttpReply {
    headers = Map.copyOf(headers);
  }

  /** A JSON body (any JSON value; null is {@code null}). */
  public static HttpReply json(int status, Object value) {
    return new HttpReply(status, JSON, Json.encode(value), Map.of());
  }

  public static HttpReply html(int status, String html) {
    return new HttpReply(status, HTML, html, Map.of());
  }

  /** This reply with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, contentType, body, more);
  }
}
