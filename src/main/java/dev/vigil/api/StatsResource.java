package dev.vigil.api;

import dev.vigil.domain.Tenant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/stats?tenant=&journey=&from=&to=}: per step of one tenant × journey over a
 * window (default the last 24 h), and the whole journey under the empty step name: count, failures,
 * success ratio and p50/p95/p99 from the rollups.
 */
final class StatsResource {
  private final ApiSources sources;

  StatsResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> stats(RoutingContext ctx) {
    Tenant tenant = TenantScope.required(ctx, ApiAccess.principal(ctx), sources.catalog().get());
    String journey = Params.required(ctx, "journey");
    Params.Window window = Params.window(ctx, sources.clock());
    return sources.historyOrFail().history().stepStats(tenant.id(), journey, window.from(), window.to())
        .map(byStep -> {
          JsonObject steps = new JsonObject();
          byStep.forEach((step, stats) -> steps.put(step, ApiJson.stats(stats)));
          return new JsonObject().put("steps", steps);
        });
  }
}
