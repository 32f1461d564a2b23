package dev.vigil.domain;

/**
 * The state of one tenant × journey, as a person on call reads it. Only transitions are events.
 * {@link #code()} is the value of the {@code vigil_journey_status} gauge.
 */
public enum Status {
  /** Passing within budget. */
  UP(0),
  /** Passing, but over its latency budget. */
  DEGRADED(1),
  /** Failed once; an immediate retry is confirming it. */
  PENDING(2),
  /** Failed, confirmed. */
  DOWN(3),
  /** In a maintenance window: failures do not make it DOWN. */
  MAINTENANCE(4);

  private final int code;

  Status(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
