package dev.vigil.live;

import java.util.Set;

/** What a connection listens to: every tenant (platform), or a set of tenants. */
record Subscription(boolean all, Set<String> tenants) {
  static final Subscription NONE = new Subscription(false, Set.of());

  Subscription {
    tenants = Set.copyOf(tenants);
  }

  static Subscription everything() {
    return new Subscription(true, Set.of());
  }

  static Subscription of(Set<String> tenants) {
    return new Subscription(false, tenants);
  }

  boolean covers(String tenantId) {
    return all || tenants.contains(tenantId);
  }
}
