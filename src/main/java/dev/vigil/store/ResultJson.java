package dev.vigil.store;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON form of runs and status changes, shared by the spill file, Redis and the live stream.
 * Instants are ISO-8601 strings, durations milliseconds (fractional, exact to the nanosecond for
 * any run shorter than a day), enums their names; absent values are left out.
 * {@code decode(encode(x))} equals {@code x}.
 */
public final class ResultJson {
  private ResultJson() {}

  public static JsonObject encode(RunResult run) {
    JsonObject json = new JsonObject()
        .put("runId", run.runId())
        .put("tenantId", run.tenantId())
        .put("journeyId", run.journeyId())
        .put("scheduledAt", run.scheduledAt().toString())
        .put("startedAt", run.startedAt().toString())
        .put("durationMs", millis(run.duration()))
        .put("outcome", run.outcome().name())
        .put("message", run.message())
        .put("steps", steps(run.steps()))
        .put("teardown", steps(run.teardown()))
        .put("overBudget", run.overBudget())
        .put("runner", run.runner())
        .put("source", run.source().name());
    run.errorClass().ifPresent(e -> json.put("errorClass", e.name()));
    run.odooVersion().ifPresent(v -> json.put("odooVersion", v));
    run.lease().ifPresent(lease -> json.put("lease", new JsonObject()
        .put("location", lease.location()).put("shard", lease.shard()).put("token", lease.token())));
    return json;
  }

  public static RunResult decodeRun(JsonObject json) {
    return new RunResult(
        json.getString("runId"),
        json.getString("tenantId"),
        json.getString("journeyId"),
        Instant.parse(json.getString("scheduledAt")),
        Instant.parse(json.getString("startedAt")),
        duration(json.getDouble("durationMs")),
        Outcome.valueOf(json.getString("outcome")),
        errorClass(json),
        json.getString("message"),
        steps(json.getJsonArray("steps")),
        steps(json.getJsonArray("teardown")),
        json.containsKey("odooVersion") ? OptionalInt.of(json.getInteger("odooVersion")) : OptionalInt.empty(),
        json.getBoolean("overBudget"),
        json.getString("runner"),
        RunSource.valueOf(json.getString("source")),
        lease(json.getJsonObject("lease")));
  }

  private static Optional<RunLease> lease(JsonObject json) {
    return json == null
        ? Optional.empty()
        : Optional.of(new RunLease(json.getString("location"), json.getInteger("shard"), json.getLong("token")));
  }

  public static JsonObject encode(StepResult step) {
    JsonObject json = new JsonObject()
        .put("name", step.name())
        .put("kind", step.kind())
        .put("outcome", step.outcome().name())
        .put("durationMs", millis(step.duration()))
        .put("message", step.message())
        .put("soft", step.soft())
        .put("overBudget", step.overBudget())
        .put("usedFallback", step.usedFallback());
    step.errorClass().ifPresent(e -> json.put("errorClass", e.name()));
    if (!step.timings().isEmpty()) {
      JsonObject timings = new JsonObject();
      step.timings().forEach(timings::put);
      json.put("timings", timings);
    }
    step.artifact().ifPresent(a -> json.put("artifact", a));
    return json;
  }

  public static StepResult decodeStep(JsonObject json) {
    return new StepResult(
        json.getString("name"),
        json.getString("kind"),
        StepOutcome.valueOf(json.getString("outcome")),
        duration(json.getDouble("durationMs")),
        errorClass(json),
        json.getString("message"),
        json.getBoolean("soft"),
        json.getBoolean("overBudget"),
        json.getBoolean("usedFallback"),
        timings(json.getJsonObject("timings")),
        Optional.ofNullable(json.getString("artifact")));
  }

  public static JsonObject encode(StatusChange change) {
    JsonObject json = new JsonObject()
        .put("tenantId", change.tenantId())
        .put("journeyId", change.journeyId())
        .put("to", change.to().name())
        .put("at", change.at().toString())
        .put("reason", change.reason())
        .put("runId", change.runId());
    if (change.from() != null) {
      json.put("from", change.from().name());
    }
    return json;
  }

  public static StatusChange decodeChange(JsonObject json) {
    String from = json.getString("from");
    return new StatusChange(
        json.getString("tenantId"),
        json.getString("journeyId"),
        from == null ? null : Status.valueOf(from),
        Status.valueOf(json.getString("to")),
        Instant.parse(json.getString("at")),
        json.getString("reason"),
        json.getString("runId"));
  }

  private static JsonArray steps(List<StepResult> steps) {
    JsonArray array = new JsonArray();
    steps.forEach(step -> array.add(encode(step)));
    return array;
  }

  private static List<StepResult> steps(JsonArray array) {
    return array.stream().map(o -> decodeStep((JsonObject) o)).toList();
  }

  private static Map<String, Double> timings(JsonObject json) {
    Map<String, Double> timings = new HashMap<>();
    if (json != null) {
      json.forEach(e -> timings.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    }
    return timings;
  }

  private static Optional<ErrorClass> errorClass(JsonObject json) {
    return Optional.ofNullable(json.getString("errorClass")).map(ErrorClass::valueOf);
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static Duration duration(double millis) {
    return Duration.ofNanos(Math.round(millis * 1e6));
  }
}
