package dev.vigil.sandbox;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP call of a real Odoo server, from {@code src/test/resources/recordings/*.jsonl}.
 *
 * @param request the JSON body sent, or null ({@code GET}, or a raw body)
 * @param rawRequest the raw body sent when it was not JSON, or null
 * @param response the JSON body answered (JsonObject), or its text (HTML, plain text)
 * @param target {@code <database>@<host>:<port>}
 */
record Recording(
    String label, String journey, String method, String path, int status, JsonObject request, String rawRequest,
    Object response, String target) {

  /** The recordings of a classpath resource, in call order. */
  static List<Recording> load(String resource) {
    try (InputStream in = Recording.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank())
          .map(JsonObject::new)
          .map(Recording::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Recording of(JsonObject line) {
    return new Recording(line.getString("label"), line.getString("journey"), line.getString("method"),
        line.getString("path"), line.getInteger("status"), line.getJsonObject("request"),
        line.getString("request_raw"), line.getValue("response"), line.getString("target"));
  }

  /** The database the call was made for. */
  String database() {
    return target.substring(0, target.indexOf('@'));
  }

  /** The Odoo method of a {@code call_kw} or {@code execute_kw} request, or null. */
  String odooMethod() {
    if (request == null) {
      return null;
    }
    JsonObject params = request.getJsonObject("params", new JsonObject());
    if (params.getValue("method") instanceof String method && params.containsKey("model")) {
      return method;
    }
    if ("execute_kw".equals(params.getValue("method")) && params.getJsonArray("args", null) != null
        && params.getJsonArray("args").size() > 4) {
      return params.getJsonArray("args").getString(4);
    }
    return null;
  }
}
