package dev.vigil.analysis.alert;

import dev.vigil.analysis.latency.Degradation;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.FindingKind;
import dev.vigil.analysis.slo.Burn;
import dev.vigil.analysis.slo.SloStatus;
import dev.vigil.journey.Durations;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The documented rules from what the analysis sees to alert causes (the runbooks say the same):
 *
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>when</th><th>kind</th><th>severity</th><th>owner</th></tr>
 *   <tr><td>a journey of a tenant is DOWN</td><td>journey-down</td><td>urgent</td><td>tenant</td></tr>
 *   <tr><td>a journey is degraded (sustained: k of n windows over budget or baseline; one slow
 *       run never)</td><td>journey-degraded</td><td>actionable</td><td>tenant</td></tr>
 *   <tr><td>fast budget burn (14.4× over 1 h and 5 m, or 6× over 6 h and 30 m)</td>
 *       <td>slo-fast-burn</td><td>urgent</td><td>tenant</td></tr>
 *   <tr><td>slow budget burn (1× over 3 d and 6 h)</td><td>slo-slow-burn</td><td>actionable</td><td>tenant</td></tr>
 *   <tr><td>a shared-resource contention finding</td><td>shared-resource-contention</td>
 *       <td>actionable; executive when 2 or more of its tenants are DOWN</td><td>platform</td></tr>
 *   <tr><td>2 or more tenants sharing a placement label are DOWN</td><td>placement-down</td>
 *       <td>executive</td><td>platform</td></tr>
 *   <tr><td>a platform-wide finding</td><td>platform-wide</td><td>executive</td><td>platform</td></tr>
 * </table>
 *
 * An own-problem finding raises nothing more than its journey-degraded alerts. Stateless.
 */
public final class AlertRules {
  static final int SEVERAL = 2;

  private AlertRules() {}

  /** A tenant's journey that is DOWN now. */
  public static Cause journeyDown(String tenantId, String journeyId, String reason) {
    return tenantCause(AlertKind.JOURNEY_DOWN, tenantId, journeyId,
        tenantId + "/" + journeyId + " is DOWN: " + reason, Map.of());
  }

  public static Cause journeyDegraded(Degradation degradation) {
    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("p95_ms", (double) degradation.currentP95());
    degradation.baselineP95().ifPresent(b -> evidence.put("baseline_p95_ms", b));
    evidence.put("rise", Math.round(degradation.rise() * 100) / 100.0);
    evidence.put("success_ratio", degradation.successRatio());
    String tenant = degradation.key().tenantId();
    String journey = degradation.key().journeyId();
    return tenantCause(AlertKind.JOURNEY_DEGRADED, tenant, journey,
        tenant + "/" + journey + " degraded since " + degradation.since() + ": " + degradation.reason(), evidence);
  }

  /** The fastest burn of an SLO, if one fires. */
  public static Optional<Cause> sloBurn(SloStatus status) {
    return status.worst().map(burn -> {
      AlertKind kind = burn.rule().page() ? AlertKind.SLO_FAST_BURN : AlertKind.SLO_SLOW_BURN;
      return tenantCause(kind, status.tenantId(), status.journeyId(), summary(status, burn), Map.of(
          "long_burn", round(burn.longBurn()), "short_burn", round(burn.shortBurn()), "threshold", round(burn.factor()),
          "success_budget_remaining", round(status.successBudgetRemaining())));
    });
  }

  /**
   * The platform alert of a contention or platform-wide diagnosis; empty for an own problem.
   *
   * @param down the tenants with a journey DOWN now
   */
  public static Optional<Cause> finding(Diagnosis diagnosis, Set<String> down) {
    Set<String> tenants = new HashSet<>(diagnosis.victims());
    tenants.addAll(diagnosis.suspects());
    Map<String, String> labels = new TreeMap<>(diagnosis.placement());
    if (diagnosis.kind() == FindingKind.PLATFORM_WIDE) {
      return Optional.of(new Cause(AlertKind.PLATFORM_WIDE, "platform-wide", Severity.EXECUTIVE, Optional.empty(),
          tenants, labels, "platform-wide degradation: " + diagnosis.victims().size() + " tenants slower than normal ("
              + String.join(", ", diagnosis.victims()) + ")", diagnosis.evidence()));
    }
    if (diagnosis.kind() != FindingKind.SHARED_RESOURCE_CONTENTION) {
      return Optional.empty();
    }
    long downInside = tenants.stream().filter(down::contains).count();
    Severity severity = downInside >= SEVERAL ? Severity.EXECUTIVE : AlertKind.SHARED_RESOURCE_CONTENTION.severity();
    String suspects = diagnosis.suspects().isEmpty() ? "no suspect named" : "suspect " + String.join(", ", diagnosis.suspects());
    return Optional.of(new Cause(AlertKind.SHARED_RESOURCE_CONTENTION, diagnosis.key(), severity, Optional.empty(),
        tenants, labels, "shared-resource contention on " + placementName(labels) + ": " + suspects + "; victims "
            + String.join(", ", diagnosis.victims()) + String.format(" (confidence %.2f, from %s)",
            diagnosis.confidence(), diagnosis.source()), diagnosis.evidence()));
  }

  /**
   * Placement-down alerts: for each placement label value shared by {@value #SEVERAL} or more
   * tenants that are DOWN now.
   *
   * @param placements each tenant's placement labels
   */
  public static List<Cause> placementsDown(Map<String, Map<String, String>> placements, Collection<String> down) {
    Map<Map.Entry<String, String>, Set<String>> downBy = new LinkedHashMap<>();
    for (String tenant : down) {
      placements.getOrDefault(tenant, Map.of()).forEach((key, value) ->
          downBy.computeIfAbsent(Map.entry(key, value), ignored -> new TreeSet<>()).add(tenant));
    }
    return downBy.entrySet().stream().filter(e -> e.getValue().size() >= SEVERAL).map(e -> {
      String name = e.getKey().getKey() + "=" + e.getKey().getValue();
      return new Cause(AlertKind.PLACEMENT_DOWN, "placement-down:" + name, Severity.EXECUTIVE, Optional.empty(),
          e.getValue(), Map.of(e.getKey().getKey(), e.getKey().getValue()),
          e.getValue().size() + " tenants of " + name + " are DOWN: " + String.join(", ", e.getValue()),
          Map.of("tenants_down", (double) e.getValue().size()));
    }).toList();
  }

  private static Cause tenantCause(AlertKind kind, String tenantId, String journeyId, String summary, Map<String, Double> evidence) {
    return new Cause(kind, kind.slug() + ":" + tenantId + "/" + journeyId, kind.severity(), Optional.of(tenantId),
        Set.of(tenantId), Map.of("tenant", tenantId, "journey", journeyId), summary, evidence);
  }

  private static String summary(SloStatus status, Burn burn) {
    return String.format("%s/%s %s budget burning %.1fx over %s and %.1fx over %s (threshold %.1fx: %s)",
        status.tenantId(), status.journeyId(), burn.objective(), burn.longBurn(), Durations.format(burn.rule().longWindow()),
        burn.shortBurn(), Durations.format(burn.rule().shortWindow()), burn.factor(), burn.rule().name());
  }

  private static String placementName(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("?");
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
