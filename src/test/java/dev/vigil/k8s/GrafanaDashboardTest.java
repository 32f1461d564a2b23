package dev.vigil.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard parses and its queries read what Vigil exports. */
class GrafanaDashboardTest {

  @Test
  @DisplayName("the dashboard is JSON whose panel and variable queries name only exported metrics")
  void queriesNameExportedMetrics() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(K8sFiles.K8S.resolve("grafana/vigil-dashboard.json").toFile());
    Set<String> exported = ExportedMetrics.series();
    List<String> queries = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
    dashboard.at("/templating/list").forEach(v -> {
      if (v.path("type").asText().equals("query")) {
        queries.add(v.at("/query/query").asText().replaceFirst("^label_values\\((.*), \\w+\\)$", "$1"));
      }
    });
    assertTrue(queries.size() >= 15, queries.toString());

    List<String> problems = new ArrayList<>();
    Set<String> read = new HashSet<>();
    for (String query : queries) {
      assertTrue(!query.isBlank(), "an empty query");
      PromQl.series(query).forEach(series -> {
        read.add(series);
        problems.add(PromQl.unknown(series, exported, Set.of()));
      });
    }
    problems.removeIf(Objects::isNull);
    assertEquals(List.of(), problems);
    assertTrue(read.containsAll(Set.of("vigil_runs_total", "vigil_schedule_lateness_seconds_bucket",
        "vigil_store_buffered_results", "vigil_journey_status")), read.toString());
  }

  @Test
  @DisplayName("panel ids are unique and panels fit Grafana's 24-column grid")
  void panelsAreLaidOut() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(K8sFiles.K8S.resolve("grafana/vigil-dashboard.json").toFile());
    Set<Integer> ids = new HashSet<>();
    dashboard.path("panels").forEach(panel -> {
      assertTrue(ids.add(panel.path("id").asInt()), "panel id twice: " + panel.path("id"));
      JsonNode pos = panel.path("gridPos");
      assertTrue(pos.path("x").asInt() + pos.path("w").asInt() <= 24, panel.path("title").asText());
    });
  }
}
