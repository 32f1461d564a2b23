package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Tenant;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Which tenants a request may read. A tenant admin sees its own tenant only; the platform role
 * every tenant of the catalog. A tenant the caller may not see is answered exactly as one that
 * does not exist (404 "no tenant 'x'"), so no caller learns of another tenant's existence.
 */
final class TenantScope {
  static final String PARAM = "tenant";

  private TenantScope() {}

  /** The tenants the caller sees, in catalog order. */
  static List<Tenant> visible(Principal principal, Catalog catalog) {
    return catalog.tenants().stream().filter(t -> principal.sees(t.id())).toList();
  }

  /** The tenant {@code id}, if it exists and the caller sees it; else 404. */
  static Tenant one(Principal principal, Catalog catalog, String id) {
    return catalog.tenant(id).filter(t -> principal.sees(t.id()))
        .orElseThrow(() -> ApiException.notFound("tenant", id));
  }

  /**
   * The tenant of the {@code tenant} query parameter; a tenant admin who leaves it out means its
   * own, the platform must name one (400).
   */
  static Tenant required(RoutingContext ctx, Principal principal, Catalog catalog) {
    return optional(ctx, principal, catalog).orElseThrow(() ->
        ApiException.badRequest("the query parameter 'tenant' is required"));
  }

  /** The tenant of the {@code tenant} query parameter if given (a tenant admin's own when not); empty: every visible one. */
  static Optional<Tenant> optional(RoutingContext ctx, Principal principal, Catalog catalog) {
    Optional<String> asked = Params.text(ctx, PARAM);
    if (asked.isEmpty()) {
      return principal.tenantId().map(own -> one(principal, catalog, own));
    }
    return Optional.of(one(principal, catalog, asked.get()));
  }
}
