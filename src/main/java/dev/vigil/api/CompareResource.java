package dev.vigil.api;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.Tier;
import dev.vigil.store.postgres.Stats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/compare?journey=&from=&to=} (platform only): per tenant of the catalog that
 * runs the journey, its runs, success ratio and p50/p95/p99 over the window (default the last
 * 24 h), side by side; and the same merged by tier ({@code shared}, {@code dedicated}) and by each
 * placement label value ({@code "postgres=pg-a"}), percentiles from the merged histograms.
 */
final class CompareResource {
  private final ApiSources sources;

  CompareResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> compare(RoutingContext ctx) {
    String journey = Params.required(ctx, "journey");
    Params.Window window = Params.window(ctx, sources.clock());
    Catalog catalog = sources.catalog().get();
    if (catalog.journey(journey).isEmpty()) {
      throw ApiException.notFound("journey", journey);
    }
    return JourneyRollups.byTenant(sources.historyOrFail().pool(), journey, window.from(), window.to())
        .map(byTenant -> answer(journey, catalog, byTenant));
  }

  private static JsonObject answer(String journey, Catalog catalog, Map<String, JourneyRollups.Totals> byTenant) {
    JsonArray tenants = new JsonArray();
    Map<String, JourneyRollups.Totals> byTier = new TreeMap<>();
    for (Tier tier : Tier.values()) {
      byTier.put(tier.name().toLowerCase(Locale.ROOT), new JourneyRollups.Totals());
    }
    Map<String, JourneyRollups.Totals> byPlacement = new TreeMap<>();
    for (Tenant tenant : catalog.tenants()) {
      if (tenant.journey(journey).isEmpty()) {
        continue;
      }
      JourneyRollups.Totals totals = byTenant.getOrDefault(tenant.id(), new JourneyRollups.Totals());
      tenants.add(row(tenant, totals.stats()));
      byTier.get(ApiJson.tier(tenant)).add(totals);
      tenant.placement().forEach((label, value) ->
          byPlacement.computeIfAbsent(label + "=" + value, k -> new JourneyRollups.Totals()).add(totals));
    }
    return new JsonObject()
        .put("journey", journey)
        .put("tenants", tenants)
        .put("byTier", groups(byTier))
        .put("byPlacement", groups(byPlacement));
  }

  private static JsonObject row(Tenant tenant, Stats stats) {
    return new JsonObject()
        .put("tenantId", tenant.id())
        .put("name", tenant.name())
        .put("tier", ApiJson.tier(tenant))
        .put("placement", new JsonObject(new TreeMap<String, Object>(tenant.placement())))
        .mergeIn(group(stats));
  }

  private static JsonObject groups(Map<String, JourneyRollups.Totals> groups) {
    JsonObject json = new JsonObject();
    groups.forEach((name, totals) -> json.put(name, group(totals.stats())));
    return json;
  }

  /** {@code {runs, successRatio, p50Ms, p95Ms, p99Ms}}. */
  private static JsonObject group(Stats stats) {
    return new JsonObject()
        .put("runs", stats.count())
        .put("successRatio", ApiJson.number(stats.successRatio()))
        .put("p50Ms", ApiJson.number(stats.p50Ms()))
        .put("p95Ms", ApiJson.number(stats.p95Ms()))
        .put("p99Ms", ApiJson.number(stats.p99Ms()));
  }
}
