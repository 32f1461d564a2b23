package dev.vigil.analysis.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Degradation detection against a robust baseline")
class DegradationDetectorTest {
  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final SeriesKey KEY = SeriesKey.journey("a", "invoice");

  private final DegradationDetector detector = new DegradationDetector(KEY, DetectionSettings.DEFAULTS, ZoneId.of("UTC"));
  private final Random random = new Random(42);
  private int index;

  private WindowStats window(long p95) {
    return new WindowStats(KEY, T0.plus(WINDOW.multipliedBy(index++)), WINDOW, 5, 5, p95 * 8 / 10, p95, p95);
  }

  private List<DegradationDetector.Change> feed(int windows, long mean, long jitter, Optional<Duration> budget) {
    List<DegradationDetector.Change> changes = new ArrayList<>();
    for (int i = 0; i < windows; i++) {
      long p95 = mean + Math.round(random.nextGaussian() * jitter);
      detector.accept(window(p95), budget).ifPresent(changes::add);
    }
    return changes;
  }

  @Test
  @DisplayName("noise around a stable baseline never opens a degradation")
  void noise() {
    assertTrue(feed(500, 800, 60, Optional.empty()).isEmpty());
  }

  @Test
  @DisplayName("one outlier window, even ten times slower, does not open a degradation")
  void oneOutlier() {
    feed(30, 800, 40, Optional.empty());

    assertTrue(detector.accept(window(8000), Optional.empty()).isEmpty());
    assertTrue(feed(10, 800, 40, Optional.empty()).isEmpty());
  }

  @Test
  @DisplayName("a sustained rise opens a degradation from its first bad window, and two good windows close it")
  void sustained() {
    feed(30, 800, 40, Optional.empty());
    Instant firstBad = T0.plus(WINDOW.multipliedBy(index));

    List<DegradationDetector.Change> changes = feed(3, 2400, 40, Optional.empty());

    assertEquals(1, changes.size());
    Degradation opened = assertInstanceOf(DegradationDetector.Change.Opened.class, changes.get(0)).degradation();
    assertEquals(firstBad, opened.since());
    assertTrue(opened.rise() > 2.5 && opened.rise() < 3.5, "rise " + opened.rise());
    assertEquals(800, opened.baselineP95().orElseThrow(), 60);

    assertTrue(feed(1, 800, 40, Optional.empty()).isEmpty(), "one good window is not enough");
    List<DegradationDetector.Change> recovered = feed(1, 800, 40, Optional.empty());
    assertInstanceOf(DegradationDetector.Change.Closed.class, recovered.get(0));
    assertFalse(detector.current().isPresent());
  }

  @Test
  @DisplayName("the budget counts before there is any baseline")
  void budgetWithoutBaseline() {
    List<DegradationDetector.Change> changes = feed(3, 4000, 10, Optional.of(Duration.ofSeconds(3)));

    Degradation opened = assertInstanceOf(DegradationDetector.Change.Opened.class, changes.get(0)).degradation();
    assertTrue(opened.reason().contains("over the budget of 3000 ms"), opened.reason());
    assertTrue(opened.baselineP95().isEmpty());
  }

  @Test
  @DisplayName("with a week of history the reference is the same hour of the day: a nightly batch hour is normal")
  void timeOfDay() {
    Baseline baseline = new Baseline(ZoneId.of("UTC"), 288, 6, 7);
    for (int day = 0; day < 8; day++) {
      for (int hour = 0; hour < 24; hour++) {
        long p95 = hour == 2 ? 3000 : 800;
        baseline.add(new WindowStats(KEY, T0.plus(Duration.ofDays(day).plusHours(hour)), WINDOW, 5, 5, p95, p95, p95));
      }
    }
    Reference night = baseline.reference(T0.plus(Duration.ofDays(9).plusHours(2))).orElseThrow();
    Reference day = baseline.reference(T0.plus(Duration.ofDays(9).plusHours(14))).orElseThrow();

    assertTrue(night.timeOfDay());
    assertEquals(3000, night.medianP95());
    assertEquals(800, day.medianP95());
  }
}
