package dev.vigil.schedule;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import java.time.Instant;

/**
 * The scheduler's state of one tenant × journey: what to run (replaced on reload), when it is
 * due next, its pending timer, whether a run of it is going and whether that run holds a browser
 * slot. Mutable, confined to the
 * scheduler's event loop.
 */
final class ScheduledCheck {
  final CheckKey key;
  Tenant tenant;
  Journey journey;
  Cadence cadence;
  Instant nextDue;
  long timerId = -1;
  boolean running;
  boolean browser;
  boolean removed;

  ScheduledCheck(CheckKey key, Tenant tenant, Journey journey, Cadence cadence) {
    this.key = key;
    this.tenant = tenant;
    this.journey = journey;
    this.cadence = cadence;
  }
}
