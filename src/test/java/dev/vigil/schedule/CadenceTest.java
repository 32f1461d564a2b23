package dev.vigil.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CadenceTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00.123Z");

  @Test
  @DisplayName("the phase is stable for a tenant and journey, and lies inside the interval")
  void phaseIsStable() {
    CheckKey check = new CheckKey("clinic-north", "invoice-posting");
    assertEquals(Cadence.of(check, MINUTE), Cadence.of(check, MINUTE));
    long phase = Cadence.of(check, MINUTE).phaseMillis();
    assertTrue(phase >= 0 && phase < MINUTE.toMillis(), "phase " + phase);
  }

  @Test
  @DisplayName("10,000 checks spread over the interval instead of firing in the same second")
  void phasesSpread() {
    int[] perSecond = new int[60];
    Set<Long> distinct = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      long phase = Cadence.of(new CheckKey("tenant-" + i, "login"), MINUTE).phaseMillis();
      perSecond[(int) (phase / 1000)]++;
      distinct.add(phase);
    }
    for (int second = 0; second < 60; second++) {
      // a uniform spread puts ~167 in each second; allow wide statistical slack but no clumping
      assertTrue(perSecond[second] > 90 && perSecond[second] < 260, "second " + second + ": " + perSecond[second]);
    }
    assertTrue(distinct.size() > 9_000, "distinct phases: " + distinct.size());
  }

  @Test
  @DisplayName("due times sit on the grid epoch + phase + k × interval")
  void dueTimesOnGrid() {
    Cadence cadence = new Cadence(MINUTE, 7_000);
    Instant first = cadence.firstDueAtOrAfter(NOW);
    assertEquals(Instant.parse("2026-11-20T10:00:07Z"), first);
    assertEquals(Instant.parse("2026-11-20T10:00:07Z"), cadence.firstDueAtOrAfter(first));
    assertEquals(Instant.parse("2026-11-20T10:01:07Z"), cadence.firstDueAtOrAfter(first.plusMillis(1)));
  }

  @Test
  @DisplayName("the next run is due one interval after the previous due time, however long the run took: no drift")
  void driftFree() {
    Cadence cadence = new Cadence(MINUTE, 7_000);
    Instant due = cadence.firstDueAtOrAfter(NOW);
    for (int i = 0; i < 1_000; i++) {
      Instant finishedLate = due.plusSeconds(45);
      due = cadence.nextDue(due, finishedLate);
    }
    assertEquals(Instant.parse("2026-11-20T10:00:07Z").plus(MINUTE.multipliedBy(1_000)), due);
  }

  @Test
  @DisplayName("after a long pause, missed slots are dropped and counted instead of fired in a burst")
  void dropsMissedSlots() {
    Cadence cadence = new Cadence(MINUTE, 7_000);
    Instant due = Instant.parse("2026-11-20T10:00:07Z");
    Instant afterPause = due.plus(Duration.ofMinutes(10)).plusSeconds(5);
    Instant next = cadence.nextDue(due, afterPause);
    assertEquals(Instant.parse("2026-11-20T10:11:07Z"), next);
    assertEquals(10, cadence.missedSlots(due, next));
    assertEquals(0, cadence.missedSlots(due, cadence.nextDue(due, due.plusSeconds(59))));
  }
}
