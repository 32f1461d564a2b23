package dev.vigil.schedule;

import java.time.Duration;

/**
 * The scheduler's limits.
 *
 * @param maxJitter each run starts up to this much after its due time (random, re-drawn every
 *     time) so that checks sharing a phase do not fire together; capped at 1 % of the interval
 * @param shutdownGrace how long main steps may go on once shutdown starts; teardown runs after
 * @param maxBrowserRuns runs with browser steps at once, within {@code maxRunsInFlight}
 */
public record ScheduleSettings(
    int maxRunsInFlight,
    int maxRunsPerTenant,
    int maxQueuedRuns,
    int circuitFailures,
    Duration circuitProbeInterval,
    Duration maxJitter,
    Duration shutdownGrace,
    int maxBrowserRuns) {}
