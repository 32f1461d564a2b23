package dev.vigil.engine;

import java.security.SecureRandom;
import java.time.InstantSource;

/**
 * Makes run ids that sort by time and are short enough to put on Odoo records
 * ({@code synthetic-check 0193a4f2c1d8-4f9a2c}): start millis in hex, then 24 random bits.
 * Thread-safe.
 */
public final class RunIds {
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();

  public RunIds(InstantSource clock) {
    this.clock = clock;
  }

  public String next() {
    return String.format("%012x-%06x", clock.millis(), random.nextInt(1 << 24));
  }
}
