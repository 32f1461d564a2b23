package dev.vigil.schedule.ownership;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** A 64-bit hash of a text that is the same on every replica and across releases (CRC32C, then mixed). */
final class StableHash {
  private StableHash() {}

  static long of(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    long z = crc.getValue() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
