package dev.vigil.analysis.alert;

import java.util.function.Function;

/**
 * Routing by owner: platform alerts to the platform team's route, tenant alerts to their
 * tenant's route (its contacts and webhooks, URLs resolved from their secret references by the
 * caller). A tenant without a route of its own gets {@link Route#NOWHERE}: its alerts are still
 * stored and streamed, just not pushed.
 */
public final class AlertRouting {
  private final Route platform;
  private final Function<String, Route> tenants;

  public AlertRouting(Route platform, Function<String, Route> tenants) {
    this.platform = platform;
    this.tenants = tenants;
  }

  public Route route(Alert alert) {
    if (alert.kind().platform()) {
      return platform;
    }
    Route route = alert.cause().tenantId().map(tenants).orElse(null);
    return route == null ? Route.NOWHERE : route;
  }
}
