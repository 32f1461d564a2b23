package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/journeys}: the journeys of the catalog with their steps; a tenant admin sees
 * only those its tenant runs (the others' names could hint at what other tenants run).
 */
final class JourneysResource {
  private final ApiSources sources;

  JourneysResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> list(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    Catalog catalog = sources.catalog().get();
    Set<String> runByVisible = TenantScope.visible(principal, catalog).stream()
        .map(Tenant::journeys).flatMap(java.util.List::stream).map(TenantJourney::journeyId)
        .collect(Collectors.toSet());
    JsonArray items = new JsonArray();
    catalog.journeys().stream()
        .filter(journey -> principal.tenantId().isEmpty() || runByVisible.contains(journey.id()))
        .forEach(journey -> items.add(ApiJson.journey(journey)));
    return Future.succeededFuture(new JsonObject().put("items", items));
  }
}
