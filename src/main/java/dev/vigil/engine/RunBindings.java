package dev.vigil.engine;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import dev.vigil.odoo.OdooSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the root that {@code ${...}} expressions are read from: {@code tenant}, {@code run},
 * {@code params}, {@code vars}, {@code steps}, {@code odoo}, {@code today}, {@code now}.
 * Never exposes the tenant's credentials beyond the login name.
 */
final class RunBindings {
  private RunBindings() {}

  static Map<String, Object> of(
      RunRequest request, RunState state, Optional<OdooSession> session, Instant now) {
    Tenant tenant = request.tenant();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tenant", Map.of(
        "id", tenant.id(),
        "name", tenant.name(),
        "db", tenant.database(),
        "url", tenant.baseUrl().toString(),
        "login", tenant.credentials().login()));
    root.put("run", Map.of("id", request.runId(), "source", request.source().name().toLowerCase()));
    root.put("params", params(tenant, request.journey()));
    root.put("vars", state.vars());
    root.put("steps", state.stepResults());
    Map<String, Object> odoo = new LinkedHashMap<>();
    session.ifPresent(s -> {
      odoo.put("version", s.majorVersion());
      odoo.put("uid", s.uid());
    });
    root.put("odoo", odoo);
    root.put("today", LocalDate.ofInstant(now, ZoneId.of(tenant.timezone())).toString());
    root.put("now", now.toString());
    return Collections.unmodifiableMap(root);
  }

  private static Map<String, Object> params(Tenant tenant, Journey journey) {
    Map<String, Object> params = new LinkedHashMap<>(journey.params());
    tenant.journey(journey.id()).ifPresent(tj -> params.putAll(tj.params()));
    return params;
  }
}
