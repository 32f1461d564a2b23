package dev.vigil.analysis.neighbour;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the probes say of one tenant now, summed over its journeys.
 *
 * @param placement the tenant's placement labels (odoo_pool, postgres, node_pool, ...)
 * @param database the tenant's database name (one Odoo tenant is one database)
 * @param degraded whether any of its journeys is degraded now
 * @param rise the largest departure of its journeys' p95 from normal (1.0 = normal)
 * @param since when its earliest open degradation began
 */
public record TenantHealth(
    String tenantId, Map<String, String> placement, String database, boolean degraded, double rise,
    Optional<Instant> since) {

  public TenantHealth {
    placement = Map.copyOf(placement);
  }
}
