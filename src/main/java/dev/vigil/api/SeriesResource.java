package dev.vigil.api;

import dev.vigil.domain.Tenant;
import dev.vigil.store.postgres.PgHistory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * {@code GET /api/v1/series?tenant=&journey=&step=&from=&to=&bucket=5m}: latency and success of
 * one tenant × journey × step ({@code step} left out: the whole journey) in buckets of whole
 * minutes (default 5 m), from the per-minute rollups; buckets without runs are left out. At most
 * {@value #MAX_BUCKETS} buckets per request.
 */
final class SeriesResource {
  static final int MAX_BUCKETS = 2_000;

  private final ApiSources sources;

  SeriesResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> series(RoutingContext ctx) {
    Tenant tenant = TenantScope.required(ctx, ApiAccess.principal(ctx), sources.catalog().get());
    String journey = Params.required(ctx, "journey");
    Params.Window window = Params.window(ctx, sources.clock());
    Duration bucket = Params.duration(ctx, "bucket", Duration.ofMinutes(5));
    if (bucket.toMinutes() < 1 || !bucket.equals(Duration.ofMinutes(bucket.toMinutes()))) {
      throw ApiException.badRequest("'bucket' must be a whole number of minutes, such as 5m or 1h");
    }
    if (Duration.between(window.from(), window.to()).dividedBy(bucket) > MAX_BUCKETS) {
      throw ApiException.badRequest("at most " + MAX_BUCKETS + " buckets: widen 'bucket' or narrow the window");
    }
    String step = Params.text(ctx, "step").orElse(PgHistory.JOURNEY);
    return sources.historyOrFail().history().series(tenant.id(), journey, step, window.from(), window.to(), bucket)
        .map(points -> {
          JsonArray items = new JsonArray();
          points.forEach(point -> items.add(new JsonObject()
              .put("at", point.start().toString())
              .put("count", point.count())
              .put("failures", point.failures())
              .put("p50Ms", ApiJson.number(point.p50Ms()))
              .put("p95Ms", ApiJson.number(point.p95Ms()))));
          return new JsonObject().put("items", items);
        });
  }
}
