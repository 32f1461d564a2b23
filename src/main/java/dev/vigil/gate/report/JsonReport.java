package dev.vigil.gate.report;

import dev.vigil.gate.GateReport;
import dev.vigil.gate.JourneySummary;
import dev.vigil.gate.Threshold;
import dev.vigil.gate.ThresholdCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The JSON form of a gate's report, described by {@code schemas/gate-report.schema.json}: the
 * {@code --json} file of {@code vigil gate} and the answer of {@code POST /api/v1/gates}.
 * {@code passed} is the one field an Argo Rollouts {@code successCondition} needs. Latencies are
 * milliseconds, ratios from 0 to 1; a value that could not be measured is left out.
 */
public final class JsonReport {
  /** Raised when the report's shape changes incompatibly. */
  public static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  public static JsonObject encode(GateReport report) {
    return new JsonObject()
        .put("schemaVersion", SCHEMA_VERSION)
        .put("passed", report.passed())
        .put("verdict", report.verdict().name())
        .put("exitCode", report.verdict().exitCode())
        .put("reason", report.reason())
        .put("startedAt", report.startedAt().toString())
        .put("durationMs", report.took().toMillis())
        .put("runsPerTarget", report.runsPerTarget())
        .put("concurrency", report.concurrency())
        .put("journeys", new JsonArray(report.journeys().stream().map(JsonReport::journey).toList()))
        .put("thresholds", checks(report.overall()));
  }

  private static JsonObject journey(JourneySummary summary) {
    JsonObject json = new JsonObject()
        .put("tenant", summary.tenantId())
        .put("journey", summary.journeyId())
        .put("runs", summary.runs())
        .put("passedRuns", summary.passed())
        .put("successRate", summary.runs() == 0 ? 0.0 : (double) summary.passed() / summary.runs())
        .put("thresholdsMet", summary.thresholdsMet())
        .put("unreachable", summary.unreachable());
    put(json, "p50Ms", summary.p50());
    put(json, "p95Ms", summary.p95());
    put(json, "maxMs", summary.max());
    json.put("thresholds", checks(summary.checks()));
    json.put("failures", new JsonArray(summary.failedRuns().stream().map(FailedRun::of).map(JsonReport::failure).toList()));
    return json;
  }

  private static JsonArray checks(List<ThresholdCheck> checks) {
    return new JsonArray(checks.stream().map(JsonReport::check).toList());
  }

  private static JsonObject check(ThresholdCheck check) {
    Threshold t = check.threshold();
    JsonObject json = new JsonObject()
        .put("threshold", t.text())
        .put("scope", check.scope())
        .put("metric", t.metric().label())
        .put("operator", t.comparison().symbol())
        .put("limit", t.limit())
        .put("unit", t.metric().isLatency() ? "ms" : "ratio")
        .put("origin", t.origin())
        .put("passed", check.passed());
    t.step().ifPresent(step -> json.put("step", step));
    put(json, "actual", check.actual());
    return json;
  }

  private static JsonObject failure(FailedRun run) {
    JsonObject json = new JsonObject()
        .put("runId", run.runId())
        .put("outcome", run.outcome())
        .put("step", run.step())
        .put("message", run.message());
    if (!run.errorClass().isEmpty()) {
      json.put("errorClass", run.errorClass());
    }
    return json;
  }

  private static void put(JsonObject json, String key, OptionalDouble value) {
    value.ifPresent(v -> json.put(key, v));
  }
}
