package dev.vigil.store.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in PostgreSQL: a {@code timestamptz} holds microseconds, so the nanoseconds below the
 * microsecond go in a {@code smallint} beside it, and an instant reads back exactly as written.
 */
final class Instants {
  private Instants() {}

  static OffsetDateTime micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static short subMicros(Instant at) {
    return (short) (at.getNano() % 1000);
  }

  static Instant join(OffsetDateTime micros, short subMicros) {
    return micros.toInstant().plusNanos(subMicros);
  }
}
