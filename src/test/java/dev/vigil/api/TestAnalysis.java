package dev.vigil.api;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.alert.AlertKind;
import dev.vigil.analysis.alert.Cause;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.analysis.neighbour.FindingKind;
import dev.vigil.live.AnalysisView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Open findings and alerts set by a test, with ready-made ones: a tenant alert of each of
 * {@code clinic-north} and {@code clinic-south}, a platform contention alert grouping both, an
 * own-problem finding of {@code clinic-north}, and a contention finding suspecting
 * {@code clinic-south} of slowing {@code clinic-north}.
 */
public final class TestAnalysis implements AnalysisView {
  static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");
  public static final Alert NORTH_DOWN = alert("a-1", AlertKind.JOURNEY_DOWN, Optional.of("clinic-north"), Set.of("clinic-north"));
  public static final Alert SOUTH_DOWN = alert("a-2", AlertKind.JOURNEY_DOWN, Optional.of("clinic-south"), Set.of("clinic-south"));
  public static final Alert CONTENTION = alert("a-3", AlertKind.SHARED_RESOURCE_CONTENTION, Optional.empty(),
      Set.of("clinic-north", "clinic-south"));
  public static final Finding NORTH_ALONE = finding("f-1", FindingKind.OWN_PROBLEM, List.of(), List.of("clinic-north"));
  public static final Finding SOUTH_NOISY = finding("f-2", FindingKind.SHARED_RESOURCE_CONTENTION,
      List.of("clinic-south"), List.of("clinic-north"));

  private volatile List<Finding> findings = List.of(NORTH_ALONE, SOUTH_NOISY);
  private volatile List<Alert> alerts = List.of(NORTH_DOWN, SOUTH_DOWN, CONTENTION);

  public static Alert alert(String id, AlertKind kind, Optional<String> tenant, Set<String> tenants) {
    return new Alert(id, new Cause(kind, id, kind.severity(), tenant, tenants, Map.of("journey", "login"),
        "login is down for " + tenants, Map.of("failures", 3.0)), "/runbooks/" + kind.slug(), AT, Optional.empty(),
        Optional.empty());
  }

  public static Finding finding(String id, FindingKind kind, List<String> suspects, List<String> victims) {
    return new Finding(id, new Diagnosis(kind, id, Map.of("postgres", "pg-a"), suspects, victims, AT,
        Map.of("rise", 2.5), 0.9, "probes"), AT, Optional.empty());
  }

  public void set(List<Finding> findings, List<Alert> alerts) {
    this.findings = List.copyOf(findings);
    this.alerts = List.copyOf(alerts);
  }

  @Override
  public List<Finding> openFindings() {
    return findings;
  }

  @Override
  public List<Alert> openAlerts() {
    return alerts;
  }
}
