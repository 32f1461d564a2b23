package dev.vigil.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PrometheusRule alerts on what Vigil exports, and covers Vigil's own health. */
class PrometheusRuleTest {

  private final JsonNode groups = K8sFiles.documents(
      K8sFiles.K8S.resolve("components/monitoring/prometheusrule.yaml")).get(0).node().at("/spec/groups");

  @Test
  @DisplayName("every expression reads only series Vigil exports (README metrics table, registered in code) or the rules record")
  void expressionsNameExportedMetrics() {
    Set<String> exported = ExportedMetrics.series();
    Set<String> recorded = new HashSet<>();
    rules().forEach(rule -> {
      if (rule.has("record")) {
        recorded.add(rule.path("record").asText());
      }
    });
    List<String> problems = new ArrayList<>();
    rules().forEach(rule -> PromQl.series(rule.path("expr").asText()).stream()
        .map(series -> PromQl.unknown(series, exported, recorded))
        .filter(Objects::nonNull)
        .forEach(problems::add));
    assertEquals(List.of(), problems);
  }

  @Test
  @DisplayName("Vigil's health is covered: lateness, buffered, dropped results and store failures, and SLO burn")
  void coversVigilsHealth() {
    String expressions = String.join("\n", rules().stream().map(r -> r.path("expr").asText()).toList());
    for (String metric : List.of("vigil_schedule_lateness_seconds_bucket", "vigil_store_buffered_results",
        "vigil_store_dropped_results_total", "vigil_store_write_failures_total", "vigil_runs_total")) {
      assertTrue(expressions.contains(metric), metric + " is not alerted on");
    }
    Set<String> alerts = new HashSet<>();
    rules().forEach(rule -> alerts.add(rule.path("alert").asText()));
    assertTrue(alerts.containsAll(Set.of("VigilSloFastBurn", "VigilSloSlowBurn")), alerts.toString());
  }

  @Test
  @DisplayName("every alert has a severity and a summary")
  void alertsAreRoutable() {
    rules().stream().filter(rule -> rule.has("alert")).forEach(rule -> {
      assertTrue(Set.of("critical", "warning").contains(rule.at("/labels/severity").asText()), rule.toString());
      assertTrue(!rule.at("/annotations/summary").asText().isBlank(), rule.toString());
    });
  }

  private List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    groups.forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }
}
