package dev.vigil.analysis.latency;

import static dev.vigil.analysis.Runs.passed;
import static dev.vigil.analysis.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Streaming latency windows")
class StreamingWindowsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private final StreamingWindows windows = new StreamingWindows(Duration.ofMinutes(1));

  @Test
  @DisplayName("a window closes with exact nearest-rank p50, p95, p99 and its success ratio, per journey and per step")
  void percentiles() {
    for (int i = 1; i <= 20; i++) {
      windows.record(run("a", "login", T0.plusSeconds(i), i * 10, i != 20));
    }
    List<WindowStats> closed = windows.closeUpTo(T0.plusSeconds(60));

    assertEquals(2, closed.size());
    WindowStats journey = windows.latest().get(SeriesKey.journey("a", "login"));
    assertEquals(20, journey.count());
    assertEquals(100, journey.p50());
    assertEquals(190, journey.p95());
    assertEquals(200, journey.p99());
    assertEquals(0.95, journey.successRatio(), 1e-9);
    assertEquals(T0, journey.start());
    assertEquals(journey.p95(), windows.latest().get(SeriesKey.step("a", "login", "login")).p95());
  }

  @Test
  @DisplayName("a run completing in a later window closes the previous one; nothing closes before its end")
  void closesOnLaterRun() {
    windows.record(passed("a", "login", T0.plusSeconds(10), 100));
    assertTrue(windows.closeUpTo(T0.plusSeconds(59)).isEmpty());

    List<WindowStats> closed = windows.record(passed("a", "login", T0.plusSeconds(70), 100));

    assertEquals(2, closed.size(), "journey and step windows");
    assertEquals(1, closed.get(0).count());
  }

  @Test
  @DisplayName("a run arriving after its window closed counts in the next window, never reopening the closed one")
  void lateRun() {
    windows.record(passed("a", "login", T0.plusSeconds(10), 100));
    windows.closeUpTo(T0.plusSeconds(61));

    windows.record(passed("a", "login", T0.plusSeconds(50), 300));
    windows.closeUpTo(T0.plusSeconds(121));

    WindowStats second = windows.latest().get(SeriesKey.journey("a", "login"));
    assertEquals(T0.plusSeconds(60), second.start());
    assertEquals(300, second.p95());
  }
}
