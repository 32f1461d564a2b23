package dev.vigil.odoo;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded HTTP call to a real Odoo server, from {@code src/test/resources/recordings/*.jsonl}.
 *
 * @param request the JSON-RPC body sent, or null (GET, or a raw malformed body)
 * @param response the answer: a JsonObject, or a String for HTML/text bodies
 * @param setCookie the {@code Set-Cookie} header, or null
 */
record Recording(
    String file, String label, String journey, String method, String path, int status,
    JsonObject request, Object response, String setCookie) {

  /** Every call in a recordings file, in order. Read on the test thread, before any server starts. */
  static List<Recording> load(String file) {
    List<Recording> calls = new ArrayList<>();
    try (InputStream in = Recording.class.getResourceAsStream("/recordings/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no recordings file " + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonObject call = new JsonObject(line);
          calls.add(new Recording(file, call.getString("label"), call.getString("journey"),
              call.getString("method"), call.getString("path"), call.getInteger("status"),
              call.getJsonObject("request"), call.getValue("response"),
              call.getString("set_cookie")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return calls;
  }

  /** The first call with this label in the file. */
  static Recording find(String file, String label) {
    return load(file).stream()
        .filter(r -> r.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no call '" + label + "' in " + file));
  }

  /** The recorded {@code params} of the JSON-RPC request. */
  JsonObject params() {
    return request == null ? null : request.getJsonObject("params");
  }

  /** The recorded {@code result}. */
  Object result() {
    return ((JsonObject) response).getValue("result");
  }

  /** The {@code session_id} value the call set. */
  String sessionId() {
    String pair = setCookie.substring(0, setCookie.indexOf(';'));
    return pair.substring(pair.indexOf('=') + 1);
  }
}
