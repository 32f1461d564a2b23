package dev.vigil.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  @DisplayName("the series of an expression are its words that are not functions, keywords, labels or ranges")
  void readsSeries() {
    assertEquals(Set.of("vigil_schedule_lateness_seconds_bucket"), PromQl.series(
        "histogram_quantile(0.99, sum by (pod, le) (rate(vigil_schedule_lateness_seconds_bucket{job=\"x y\"}[5m]))) > 1"));
    assertEquals(Set.of("a:b:ratio_rate1h", "up"), PromQl.series(
        "a:b:ratio_rate1h > 14.4 * 0.005 and on (pod) up{tenant=~\"$tenant\"} or vector(0)"));
  }

  @Test
  @DisplayName("a series Vigil does not export is unknown; jvm_ and Prometheus's up are not Vigil's to export")
  void judgesSeries() {
    Set<String> exported = Set.of("vigil_runs_total");
    assertEquals(null, PromQl.unknown("vigil_runs_total", exported, Set.of()));
    assertEquals(null, PromQl.unknown("jvm_memory_used_bytes", exported, Set.of()));
    assertEquals("vigil_runs_count is neither exported by Vigil nor recorded by a rule",
        PromQl.unknown("vigil_runs_count", exported, Set.of()));
  }
}
