package dev.vigil.api;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.store.postgres.RunSummary;
import dev.vigil.store.postgres.Stats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The JSON forms of the REST API's resources. Instants are ISO-8601, durations milliseconds,
 * enums their names, a tier in lower case; a latency or ratio that has no value (nothing ran) is
 * {@code null}. Never holds a tenant's URL, login or secret references.
 */
final class ApiJson {
  private ApiJson() {}

  static JsonObject tenant(Tenant tenant) {
    JsonArray journeys = new JsonArray();
    for (TenantJourney journey : tenant.journeys()) {
      JsonObject json = new JsonObject().put("id", journey.journeyId()).put("intervalSeconds", journey.interval().toSeconds());
      journey.budget().ifPresent(budget -> json.put("budgetMs", budget.toMillis()));
      journeys.add(json);
    }
    return new JsonObject()
        .put("id", tenant.id())
        .put("name", tenant.name())
        .put("tier", tier(tenant))
        .put("placement", new JsonObject(new java.util.TreeMap<String, Object>(tenant.placement())))
        .put("journeys", journeys);
  }

  static String tier(Tenant tenant) {
    return tenant.tier().name().toLowerCase(Locale.ROOT);
  }

  static JsonObject journey(Journey journey) {
    JsonArray steps = new JsonArray();
    journey.steps().forEach(step -> steps.add(new JsonObject().put("name", step.name()).put("kind", step.action().kind())));
    return new JsonObject().put("id", journey.id()).put("name", journey.description()).put("steps", steps);
  }

  static JsonObject run(RunSummary run) {
    JsonObject json = new JsonObject()
        .put("runId", run.runId())
        .put("tenantId", run.tenantId())
        .put("journeyId", run.journeyId())
        .put("startedAt", run.startedAt().toString())
        .put("durationMs", run.duration().toNanos() / 1e6)
        .put("outcome", run.outcome().name())
        .put("message", run.message())
        .put("overBudget", run.overBudget());
    run.errorClass().ifPresent(e -> json.put("errorClass", e.name()));
    return json;
  }

  /** {@code {count, failures, successRatio, p50Ms, p95Ms, p99Ms}}. */
  static JsonObject stats(Stats stats) {
    return new JsonObject()
        .put("count", stats.count())
        .put("failures", stats.failures())
        .put("successRatio", number(stats.successRatio()))
        .put("p50Ms", number(stats.p50Ms()))
        .put("p95Ms", number(stats.p95Ms()))
        .put("p99Ms", number(stats.p99Ms()));
  }

  /** A finite number, else null: JSON has no NaN. */
  static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
