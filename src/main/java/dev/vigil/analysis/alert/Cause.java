package dev.vigil.analysis.alert;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why an alert should be open now. Causes with the same {@code key} are the same alert: one open
 * alert per cause.
 *
 * @param tenantId the tenant of a tenant alert; empty for platform alerts
 * @param tenants the tenants a platform alert groups (their own alerts link to it); for a tenant
 *     alert, its tenant
 * @param labels identifying labels for receivers (tenant, journey, placement labels)
 * @param evidence numbers behind it, for people
 */
public record Cause(
    AlertKind kind, String key, Severity severity, Optional<String> tenantId, Set<String> tenants,
    Map<String, String> labels, String summary, Map<String, Double> evidence) {

  public Cause {
    tenants = Set.copyOf(tenants);
    labels = Map.copyOf(labels);
    evidence = Map.copyOf(evidence);
  }
}
