package dev.vigil.live;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Which web pages may open the live stream, judged by the upgrade's {@code Origin} header (set by
 * browsers, which is what matters: a page of another site must not open a socket with a user's
 * token). Allowed: the page's own origin (the {@code Origin} matches the request's {@code Host}: the
 * dashboard served by Vigil itself), and the configured {@code dashboard_origins} — by default
 * {@code http://127.0.0.1:<port>} and {@code http://localhost:<port>}. A request without
 * {@code Origin} (a tool, not a browser) is not judged here: its token is its credential.
 */
public final class AllowedOrigins {
  private final Set<String> configured;
  private final IntSupplier port;

  /**
   * @param configured the origins of {@code dashboard_origins}; empty means the loopback defaults
   * @param port the server's port (known once it listens)
   */
  public AllowedOrigins(List<String> configured, IntSupplier port) {
    this.configured = configured.stream().map(AllowedOrigins::normalise).collect(Collectors.toUnmodifiableSet());
    this.port = port;
  }

  /** Whether a request with this {@code Origin} (non-null) and {@code Host} header may upgrade. */
  public boolean allows(String origin, String host) {
    String asked = normalise(origin);
    if (host != null && (asked.equals("http://" + normalise(host)) || asked.equals("https://" + normalise(host)))) {
      return true;
    }
    if (!configured.isEmpty()) {
      return configured.contains(asked);
    }
    int own = port.getAsInt();
    return asked.equals("http://127.0.0.1:" + own) || asked.equals("http://localhost:" + own);
  }

  private static String normalise(String origin) {
    String trimmed = origin.strip().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
