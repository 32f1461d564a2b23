package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Tenant;
import dev.vigil.live.CheckJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/status[?tenant=]}: the current status and latest run of each tenant ×
 * journey, from the Redis live state; every tenant the caller sees, or the one asked for. Checks
 * that have not run yet are not listed. 503 when Redis does not answer.
 */
final class StatusResource {
  private final ApiSources sources;

  StatusResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> list(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    Catalog catalog = sources.catalog().get();
    Optional<Tenant> asked = TenantScope.optional(ctx, principal, catalog);
    List<String> tenants = asked.map(t -> List.of(t.id()))
        .orElseGet(() -> TenantScope.visible(principal, catalog).stream().map(Tenant::id).toList());
    return sources.live().snapshot(tenants).map(snapshot -> {
      JsonArray items = new JsonArray();
      snapshot.checks().forEach(check -> items.add(CheckJson.status(check)));
      return new JsonObject().put("items", items);
    });
  }
}
