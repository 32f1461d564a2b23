package dev.vigil.analysis.alert;

import java.time.Duration;

/**
 * How webhooks are called: each attempt bounded by {@code timeout} (connection and whole
 * exchange), at most {@code attempts} attempts, waiting {@code backoff} × 2^(attempt − 1) between
 * them.
 */
public record NotifierSettings(Duration timeout, int attempts, Duration backoff) {
  public static final NotifierSettings DEFAULTS = new NotifierSettings(Duration.ofSeconds(5), 3, Duration.ofSeconds(1));

  public NotifierSettings {
    if (attempts < 1 || timeout.isZero() || timeout.isNegative() || backoff.isNegative()) {
      throw new IllegalArgumentException("attempts >= 1, timeout > 0 and backoff >= 0");
    }
  }
}
