package dev.vigil.api.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a request: the token's id (never the token itself), its role and, for a tenant admin,
 * the one tenant it may see.
 */
public record Principal(String tokenId, Role role, Optional<String> tenantId) {

  public Principal {
    Objects.requireNonNull(tokenId);
    check(role, tenantId);
  }

  /** @throws IllegalArgumentException unless a tenant-admin has a tenant and no other role has one */
  public static void check(Role role, Optional<String> tenantId) {
    if ((role == Role.TENANT_ADMIN) != tenantId.isPresent()) {
      throw new IllegalArgumentException("a tenant-admin token names exactly one tenant, other roles none");
    }
  }

  /** Whether this principal may see the tenant {@code tenantId}. */
  public boolean sees(String tenantId) {
    return role == Role.PLATFORM || this.tenantId.filter(tenantId::equals).isPresent();
  }
}
