package dev.vigil.analysis.neighbour;

import java.util.List;
import java.util.Map;

/**
 * Tenants that share one placement: the labels they share (several when the same tenants share an
 * Odoo pool and a PostgreSQL server) and the members, with their health.
 */
public record PlacementGroup(Map<String, String> labels, List<TenantHealth> members) {

  public PlacementGroup {
    labels = Map.copyOf(labels);
    members = List.copyOf(members);
  }

  /** {@code key=value} pairs, sorted: a stable name for the placement. */
  public String name() {
    return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "," + b).orElse("");
  }

  public List<TenantHealth> degraded() {
    return members.stream().filter(TenantHealth::degraded).toList();
  }
}
