package dev.vigil.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Status;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private final StatusTracker tracker = new StatusTracker();

  private StatusTracker.Verdict record(dev.vigil.domain.RunResult run) {
    return tracker.record(run, false, NOW);
  }

  @Test
  @DisplayName("the first status is reported with no previous status, and repeats are not reported")
  void firstStatusThenOnlyTransitions() {
    StatusTracker.Verdict first = record(Runs.passed("a", "login"));
    assertNull(first.change().orElseThrow().from());
    assertEquals(Status.UP, first.change().get().to());
    assertTrue(record(Runs.passed("a", "login")).change().isEmpty());
  }

  @Test
  @DisplayName("a failure goes PENDING with an immediate retry; a failed retry confirms DOWN; a pass brings it UP")
  void pendingConfirmation() {
    record(Runs.passed("a", "login"));
    StatusTracker.Verdict failure = record(Runs.errored("a", "login", ErrorClass.SERVER_ERROR));
    assertEquals(Status.PENDING, failure.change().orElseThrow().to());
    assertTrue(failure.retryNow());
    StatusTracker.Verdict confirmed = record(Runs.failed("a", "login"));
    assertEquals(Status.PENDING, confirmed.change().orElseThrow().from());
    assertEquals(Status.DOWN, confirmed.change().get().to());
    assertFalse(confirmed.retryNow());
    assertTrue(record(Runs.failed("a", "login")).change().isEmpty(), "DOWN stays DOWN quietly");
    assertEquals(Status.UP, record(Runs.passed("a", "login")).change().orElseThrow().to());
  }

  @Test
  @DisplayName("a retry that passes clears PENDING back to UP")
  void retryPasses() {
    record(Runs.passed("a", "login"));
    record(Runs.failed("a", "login"));
    assertEquals(Status.UP, record(Runs.passed("a", "login")).change().orElseThrow().to());
  }

  @Test
  @DisplayName("passing over budget is DEGRADED, not DOWN")
  void degraded() {
    assertEquals(Status.DEGRADED, record(Runs.slow("a", "invoice-posting")).change().orElseThrow().to());
  }

  @Test
  @DisplayName("failures inside a maintenance window make it MAINTENANCE, never DOWN, and are not retried")
  void maintenanceSuppressesDown() {
    record(Runs.passed("a", "login"));
    StatusTracker.Verdict inWindow = tracker.record(Runs.failed("a", "login"), true, NOW);
    assertEquals(Status.MAINTENANCE, inWindow.change().orElseThrow().to());
    assertFalse(inWindow.retryNow());
    assertTrue(tracker.record(Runs.failed("a", "login"), true, NOW).change().isEmpty());
    assertEquals(Status.PENDING, record(Runs.failed("a", "login")).change().orElseThrow().to(), "window over");
  }
}
