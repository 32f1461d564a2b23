package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import dev.vigil.live.AnalysisJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/findings} and {@code GET /api/v1/alerts}: the analysis' open noisy-neighbour
 * findings and alerts. The platform sees all; a tenant admin the alerts of its own tenant and the
 * findings that name no other tenant ({@link AnalysisJson#visible}).
 */
final class AnalysisResource {
  private final ApiSources sources;

  AnalysisResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> findings(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    JsonArray items = new JsonArray();
    sources.analysis().openFindings().stream().filter(f -> AnalysisJson.visible(principal, f))
        .forEach(f -> items.add(AnalysisJson.finding(f)));
    return Future.succeededFuture(new JsonObject().put("items", items));
  }

  Future<JsonObject> alerts(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    JsonArray items = new JsonArray();
    sources.analysis().openAlerts().stream().filter(a -> AnalysisJson.visible(principal, a))
        .forEach(a -> items.add(AnalysisJson.alert(a)));
    return Future.succeededFuture(new JsonObject().put("items", items));
  }
}
