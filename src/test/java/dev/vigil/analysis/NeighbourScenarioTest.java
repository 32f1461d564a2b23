package dev.vigil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.alert.AlertKind;
import dev.vigil.analysis.alert.Notification;
import dev.vigil.analysis.alert.Severity;
import dev.vigil.analysis.neighbour.DatabaseLoad;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.analysis.neighbour.FindingKind;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Noisy neighbours from synthetic series, through the analysis engine")
class NeighbourScenarioTest {
  private Fleet fleet;
  private final List<Finding> opened = new ArrayList<>();
  private final List<Finding> closed = new ArrayList<>();

  @BeforeEach
  void warmUp() {
    fleet = new Fleet();
    fleet.engine.addListener(new AnalysisListener() {
      @Override
      public void onFindingOpened(Finding finding) {
        opened.add(finding);
      }

      @Override
      public void onFindingClosed(Finding finding) {
        closed.add(finding);
      }
    });
    fleet.minutes(60);
    assertTrue(opened.isEmpty(), "an hour of noise opens nothing: " + opened);
  }

  private Diagnosis only(FindingKind kind) {
    List<Finding> open = fleet.engine.openFindings();
    assertEquals(1, open.size(), "open findings: " + open);
    assertEquals(kind, open.get(0).diagnosis().kind());
    return open.get(0).diagnosis();
  }

  @Test
  @DisplayName("contention on pg-a with database sampling: a finding naming the placement, the loaded tenant and its victims")
  void contentionWithActivity() {
    fleet.engine.watch("postgres", "pg-a", () -> Future.succeededFuture(List.of(
        new DatabaseLoad("db_a1", Map.of("tuples_per_s", 90_000.0, "xacts_per_s", 400.0, "active", 12.0)),
        new DatabaseLoad("db_a2", Map.of("tuples_per_s", 3_000.0, "xacts_per_s", 20.0, "active", 1.0)),
        new DatabaseLoad("db_a3", Map.of("tuples_per_s", 2_000.0, "xacts_per_s", 15.0, "active", 0.0)))));
    fleet.slow(2.5, "a2", "a3");
    fleet.slow(1.2, "a1");

    fleet.minutes(20);

    Diagnosis contention = only(FindingKind.SHARED_RESOURCE_CONTENTION);
    assertEquals("pg-a", contention.placement().get("postgres"));
    assertEquals("pool-a", contention.placement().get("odoo_pool"));
    assertFalse(contention.placement().containsKey("node_pool"), "np-1 is shared by every tenant, it is not the cause");
    assertEquals(List.of("a1"), contention.suspects());
    assertEquals(List.of("a2", "a3"), contention.victims());
    assertEquals("database-activity", contention.source());
    assertTrue(contention.confidence() >= 0.8, "confidence " + contention.confidence());
    assertTrue(contention.evidence().get("a1.load_share") > 0.8, contention.evidence().toString());
    assertTrue(contention.evidence().get("a2.p95_rise") > 2, contention.evidence().toString());

    Alert platform = fleet.engine.openAlerts().stream().filter(a -> a.kind() == AlertKind.SHARED_RESOURCE_CONTENTION)
        .findFirst().orElseThrow();
    assertEquals(Severity.ACTIONABLE, platform.severity());
    assertEquals("http://vigil.test/runbooks/shared-resource-contention", platform.runbook());
    List<Alert> tenantAlerts = fleet.engine.openAlerts().stream().filter(a -> a.kind() == AlertKind.JOURNEY_DEGRADED).toList();
    assertEquals(2, tenantAlerts.size());
    assertTrue(tenantAlerts.stream().allMatch(a -> a.parentId().equals(java.util.Optional.of(platform.id()))));
    assertEquals(List.of(AlertKind.SHARED_RESOURCE_CONTENTION),
        fleet.notifications.stream().map(n -> n.alert().kind()).toList(), "the victims are not paged separately");

    fleet.normal();
    fleet.minutes(25);

    assertTrue(fleet.engine.openFindings().isEmpty());
    assertEquals(1, closed.size());
    assertTrue(fleet.engine.openAlerts().isEmpty());
    assertEquals(Notification.Type.RESOLVED, fleet.notifications.get(fleet.notifications.size() - 1).type());
  }

  @Test
  @DisplayName("contention without database sampling: the probes name who rose first and most, with lower confidence")
  void contentionFromProbes() {
    fleet.slow(3.0, "b1");
    fleet.minutes(5);
    fleet.slow(2.0, "b2", "b3");

    fleet.minutes(20);

    Diagnosis contention = only(FindingKind.SHARED_RESOURCE_CONTENTION);
    assertEquals("pg-b", contention.placement().get("postgres"));
    assertEquals(List.of("b1"), contention.suspects());
    assertEquals(List.of("b2", "b3"), contention.victims());
    assertEquals("probes", contention.source());
    assertTrue(contention.confidence() <= 0.5);
  }

  @Test
  @DisplayName("every placement slow: one platform-wide finding, no neighbour blamed, an executive alert")
  void platformWide() {
    fleet.slow(2.5, "a1", "a2", "b1", "b3", "c2", "c3");

    fleet.minutes(20);

    Diagnosis platform = only(FindingKind.PLATFORM_WIDE);
    assertTrue(platform.suspects().isEmpty());
    assertEquals(List.of("a1", "a2", "b1", "b3", "c2", "c3"), platform.victims());
    assertTrue(fleet.engine.openAlerts().stream()
        .anyMatch(a -> a.kind() == AlertKind.PLATFORM_WIDE && a.severity() == Severity.EXECUTIVE));
  }

  @Test
  @DisplayName("one tenant slow alone: its own problem, its own actionable alert, no contention")
  void ownProblem() {
    fleet.slow(3.0, "c2");

    fleet.minutes(20);

    Diagnosis own = only(FindingKind.OWN_PROBLEM);
    assertEquals(List.of("c2"), own.victims());
    List<Alert> alerts = fleet.engine.openAlerts();
    assertEquals(1, alerts.size());
    assertEquals(AlertKind.JOURNEY_DEGRADED, alerts.get(0).kind());
    assertEquals("c2", alerts.get(0).owner());
  }

  @Test
  @DisplayName("single slow runs scattered over the fleet raise no finding and no alert")
  void outliers() {
    for (String tenant : List.of("a1", "b2", "c3", "a2", "b1")) {
      fleet.slow(10, tenant);
      fleet.minutes(1);
      fleet.normal();
      fleet.minutes(6);
    }
    assertTrue(opened.isEmpty(), opened.toString());
    assertTrue(fleet.notifications.isEmpty(), fleet.notifications.toString());
  }
}
