package dev.vigil.odoo;

import java.time.Duration;

/**
 * The moment, on the monotonic clock, by which an operation must be done. An operation of several
 * requests (login, call, re-login, retry) gives each request what is left of one deadline.
 */
record Deadline(long expiresAtNanos, long totalMillis) {

  static Deadline in(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos(), timeout.toMillis());
  }

  /** Milliseconds left, rounded up; 0 once expired. */
  long remainingMillis() {
    long nanos = expiresAtNanos - System.nanoTime();
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
  }
}
