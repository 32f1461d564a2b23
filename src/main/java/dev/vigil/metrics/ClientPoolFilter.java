package dev.vigil.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;

/**
 * Keeps tenants' hosts out of Vert.x's pool meters. Vert.x names each HTTP and WebSocket client
 * connection pool after its server ({@code pool_name="clinic-north.odoo.example.com:443"}): one
 * series set per tenant's Odoo. This filter folds them into {@code pool_name="all"} per pool
 * type, so queue and usage are summed over every endpoint, and drops their usage ratio, which a
 * sum over pools of different sizes would make meaningless. Worker and named pools keep their
 * names. Applied at meter registration, on whichever thread registers.
 */
final class ClientPoolFilter implements MeterFilter {
  static final String ALL_ENDPOINTS = "all";
  private static final String POOL_METERS = "vertx.pool.";
  private static final Set<String> PER_ENDPOINT_TYPES = Set.of("http", "ws");

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    return perEndpoint(id) && id.getName().equals(POOL_METERS + "ratio")
        ? MeterFilterReply.DENY
        : MeterFilterReply.NEUTRAL;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    return perEndpoint(id) ? id.withTag(Tag.of("pool_name", ALL_ENDPOINTS)) : id;
  }

  private static boolean perEndpoint(Meter.Id id) {
    return id.getName().startsWith(POOL_METERS) && PER_ENDPOINT_TYPES.contains(id.getTag("pool_type"));
  }
}
