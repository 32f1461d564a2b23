package dev.vigil.api.auth;

import java.time.Duration;

/** A client failed to authenticate too often: it must wait before its token is even checked. */
public final class TooManyFailures extends RuntimeException {
  private final Duration retryAfter;

  public TooManyFailures(Duration retryAfter) {
    super("too many failed authentications from this client; retry in " + Math.max(1, retryAfter.toSeconds()) + " s",
        null, false, false);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
