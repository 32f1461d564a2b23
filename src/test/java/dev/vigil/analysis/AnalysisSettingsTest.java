package dev.vigil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Analysis settings")
class AnalysisSettingsTest {

  @Test
  @DisplayName("windows of any length are evaluated every 30 s, or every half window when that is shorter")
  void evaluationFollowsTheWindow() {
    AnalysisSettings defaults = AnalysisSettings.defaults("");
    assertEquals(Duration.ofSeconds(30), defaults.withWindow(Duration.ofMinutes(5)).evaluateEvery());
    assertEquals(Duration.ofSeconds(30), defaults.withWindow(Duration.ofMinutes(1)).evaluateEvery());
    assertEquals(Duration.ofSeconds(15), defaults.withWindow(Duration.ofSeconds(30)).evaluateEvery());
    assertEquals(Duration.ofMinutes(1), defaults.withWindow(Duration.ofMinutes(1)).window());
    assertEquals(defaults.sampleEvery(), defaults.withWindow(Duration.ofSeconds(30)).sampleEvery());
  }
}
