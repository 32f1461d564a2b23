package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/tenants} (the tenants the caller sees: a tenant admin its own) and
 * {@code GET /api/v1/tenants/{id}} (404 for one it does not see, as for one that does not exist).
 */
final class TenantsResource {
  private final ApiSources sources;

  TenantsResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> list(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    JsonArray items = new JsonArray();
    TenantScope.visible(principal, sources.catalog().get()).forEach(tenant -> items.add(ApiJson.tenant(tenant)));
    return Future.succeededFuture(new JsonObject().put("items", items));
  }

  Future<JsonObject> one(RoutingContext ctx) {
    return Future.succeededFuture(ApiJson.tenant(
        TenantScope.one(ApiAccess.principal(ctx), sources.catalog().get(), ctx.pathParam("id"))));
  }
}
