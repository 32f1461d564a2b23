package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/me}: who the token is, {@code {tokenId, role, tenant?}} (any role). */
final class MeResource {
  Future<JsonObject> me(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    JsonObject json = new JsonObject().put("tokenId", principal.tokenId()).put("role", principal.role().label());
    principal.tenantId().ifPresent(tenant -> json.put("tenant", tenant));
    return Future.succeededFuture(json);
  }
}
