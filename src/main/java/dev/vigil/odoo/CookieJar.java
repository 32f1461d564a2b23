package dev.vigil.odoo;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The newest {@code session_id} cookie of one client. Odoo rotates it on login and may set a new
 * one on any answer; the newest always wins, except that an answer to a request made with an older
 * cookie cannot overwrite a newer login. Thread-safe.
 */
final class CookieJar {
  static final String SESSION_ID = "session_id";

  private final AtomicReference<String> current = new AtomicReference<>();

  /** The cookie to send, or null before the first login. */
  String current() {
    return current.get();
  }

  /** A login's cookie replaces whatever was there. */
  void set(String sessionId) {
    current.set(sessionId);
  }

  /** A cookie set in the answer to a request sent with {@code sent} replaces it only if still current. */
  void rotate(String sent, String received) {
    if (!received.equals(sent)) {
      current.compareAndSet(sent, received);
    }
  }

  void clear() {
    current.set(null);
  }

  /** The {@code session_id} value an answer sets, if any (empty values, i.e. deletions, ignored). */
  static Optional<String> sessionId(HttpResponse<Buffer> response) {
    for (String header : response.cookies()) {
      int semicolon = header.indexOf(';');
      String pair = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equals(SESSION_ID)) {
        String value = pair.substring(equals + 1).trim();
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }
}
