package dev.vigil.live;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.api.auth.Principal;
import dev.vigil.domain.StatusChange;
import dev.vigil.store.ResultJson;
import dev.vigil.store.redis.LiveEvent;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A delta for the connections, encoded once for all of them: {@code {"type":"run","data":<run>}},
 * {@code {"type":"status","data":<status change>}}, {@code {"type":"finding","data":<finding>}} or
 * {@code {"type":"alert","data":<alert>}}. A status carries a coalescing key (its tenant × journey),
 * so a slow client's queue keeps only the latest status of each check; so do a finding and an alert
 * (their id: opened, then closed).
 *
 * @param tenants the tenants it concerns: a connection receives it when subscribed to one of them
 * @param visibleTo who may receive it at all (a tenant admin: only what concerns its own tenant)
 */
record Outgoing(Set<String> tenants, Predicate<Principal> visibleTo, String text, Optional<String> coalescingKey) {

  static Outgoing of(LiveEvent event) {
    if (event instanceof LiveEvent.RunEvent run) {
      return ofTenant(run.run().tenantId(), message("run", ResultJson.encode(run.run())), Optional.empty());
    }
    return status(((LiveEvent.StatusEvent) event).change());
  }

  static Outgoing of(Finding finding) {
    return new Outgoing(AnalysisJson.tenants(finding), principal -> AnalysisJson.visible(principal, finding),
        message("finding", AnalysisJson.finding(finding)), Optional.of("finding/" + finding.id()));
  }

  static Outgoing of(Alert alert) {
    return new Outgoing(AnalysisJson.tenants(alert), principal -> AnalysisJson.visible(principal, alert),
        message("alert", AnalysisJson.alert(alert)), Optional.of("alert/" + alert.id()));
  }

  /** Whether a connection of this principal with this subscription receives it. */
  boolean reaches(Principal principal, Subscription subscription) {
    return visibleTo.test(principal) && (subscription.all() || tenants.stream().anyMatch(subscription::covers));
  }

  private static Outgoing ofTenant(String tenantId, String text, Optional<String> key) {
    return new Outgoing(Set.of(tenantId), principal -> principal.sees(tenantId), text, key);
  }

  private static Outgoing status(StatusChange change) {
    return ofTenant(change.tenantId(), message("status", ResultJson.encode(change)),
        Optional.of(change.tenantId() + "/" + change.journeyId()));
  }

  private static String message(String type, JsonObject data) {
    return new JsonObject().put("type", type).put("data", data).encode();
  }
}
