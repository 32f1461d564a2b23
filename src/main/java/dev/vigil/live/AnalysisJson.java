package dev.vigil.live;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analysis' findings and alerts as the REST API and the live stream show them, and who may see
 * each: the platform sees all; a tenant admin sees the alerts of its own tenant (not the platform
 * team's) and only the findings that name no tenant but its own — a noisy-neighbour finding names
 * its neighbours, so it is the platform's alone.
 */
public final class AnalysisJson {
  private AnalysisJson() {}

  /** The tenants an alert concerns: its tenant, or those a platform alert groups. */
  static Set<String> tenants(Alert alert) {
    return alert.cause().tenantId().map(Set::of).orElseGet(() -> new TreeSet<>(alert.cause().tenants()));
  }

  /** The tenants a finding names: suspects and victims. */
  static Set<String> tenants(Finding finding) {
    Set<String> named = new TreeSet<>(finding.diagnosis().suspects());
    named.addAll(finding.diagnosis().victims());
    return named;
  }

  public static boolean visible(Principal principal, Alert alert) {
    return principal.role() == Role.PLATFORM
        || principal.role() == Role.TENANT_ADMIN && !alert.kind().platform()
        && alert.cause().tenantId().filter(t -> principal.tenantId().filter(t::equals).isPresent()).isPresent();
  }

  public static boolean visible(Principal principal, Finding finding) {
    Set<String> named = tenants(finding);
    return principal.role() == Role.PLATFORM
        || principal.role() == Role.TENANT_ADMIN && !named.isEmpty()
        && principal.tenantId().filter(own -> named.equals(Set.of(own))).isPresent();
  }

  public static JsonObject alert(Alert alert) {
    JsonObject json = new JsonObject()
        .put("id", alert.id())
        .put("kind", alert.kind().slug())
        .put("severity", alert.severity().label())
        .put("owner", alert.owner())
        .put("summary", alert.cause().summary())
        .put("tenants", new JsonArray(tenants(alert).stream().toList()))
        .put("labels", new JsonObject(new TreeMap<String, Object>(alert.cause().labels())))
        .put("evidence", new JsonObject(new TreeMap<String, Object>(alert.cause().evidence())))
        .put("runbook", alert.runbook())
        .put("openedAt", alert.openedAt().toString());
    alert.cause().tenantId().ifPresent(t -> json.put("tenantId", t));
    alert.parentId().ifPresent(p -> json.put("parentId", p));
    alert.resolvedAt().ifPresent(at -> json.put("resolvedAt", at.toString()));
    return json;
  }

  public static JsonObject finding(Finding finding) {
    JsonObject json = new JsonObject()
        .put("id", finding.id())
        .put("kind", finding.diagnosis().kind().name())
        .put("placement", new JsonObject(new TreeMap<String, Object>(finding.diagnosis().placement())))
        .put("suspects", new JsonArray(finding.diagnosis().suspects()))
        .put("victims", new JsonArray(finding.diagnosis().victims()))
        .put("since", finding.diagnosis().since().toString())
        .put("confidence", finding.diagnosis().confidence())
        .put("source", finding.diagnosis().source())
        .put("evidence", new JsonObject(new TreeMap<String, Object>(finding.diagnosis().evidence())))
        .put("openedAt", finding.openedAt().toString());
    finding.closedAt().ifPresent(at -> json.put("closedAt", at.toString()));
    return json;
  }
}
