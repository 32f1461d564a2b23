package dev.vigil.gate.http;

import dev.vigil.domain.Catalog;
import dev.vigil.gate.GatePlan;
import dev.vigil.gate.GatePlanner;
import dev.vigil.gate.GateReport;
import dev.vigil.gate.GateVerdict;
import dev.vigil.gate.InvalidGateException;
import dev.vigil.gate.report.JsonReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Flagger webhook ({@code pre-rollout}, {@code rollout}, {@code confirm-rollout},
 * {@code confirm-promotion} hooks). Flagger posts {@code {name, namespace, phase, checksum,
 * metadata}}; the gate comes from {@code metadata} ({@code tenants}, {@code journeys},
 * {@code thresholds} comma-separated, {@code runs}, {@code concurrency}). Answers 200 when the gate
 * passed, 412 with the reason when a threshold failed, 503 when it could not run or has no
 * verdict yet, 400 for an invalid payload.
 *
 * <p>Gates are kept per canary revision ({@code namespace/name} and {@code checksum}). A call
 * starts a gate for its revision unless one is running, then waits at most {@code answerWithin}
 * for it; a gate that takes longer goes on in the background and the call is answered from the
 * revision's latest verdict (503 when there is none yet). Flagger calls again on its next
 * iteration and gets the new verdict. The latest {@value #KEPT_REVISIONS} revisions are kept.
 * Thread-safe; never blocks the event loop.
 */
final class FlaggerGates {
  static final int KEPT_REVISIONS = 256;

  private final Supplier<Catalog> catalog;
  private final GatePlanner planner;
  private final GateLauncher launcher;
  private final Duration answerWithin;
  private final Map<String, Revision> revisions = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Revision> eldest) {
      return size() > KEPT_REVISIONS;
    }
  };

  FlaggerGates(Supplier<Catalog> catalog, GatePlanner planner, GateLauncher launcher, Duration answerWithin) {
    this.catalog = catalog;
    this.planner = planner;
    this.launcher = launcher;
    this.answerWithin = answerWithin;
  }

  /** A canary revision's gates: the one running, and the latest verdict. */
  private static final class Revision {
    Future<GateReport> running;
    GateReport latest;
  }

  void handle(RoutingContext ctx) {
    JsonObject payload = JsonBodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String name = text(payload, "name", problems);
    String namespace = text(payload, "namespace", problems);
    Map<String, String> metadata = metadata(payload, problems);
    if (!problems.isEmpty()) {
      Problem.invalid(ctx, problems);
      return;
    }
    GatePlan plan;
    try {
      plan = planner.plan(catalog.get(), GateRequests.fromMetadata(metadata));
    } catch (InvalidGateException invalid) {
      Problem.invalid(ctx, invalid.problems());
      return;
    }
    String key = namespace + "/" + name + "@" + Optional.ofNullable(payload.getString("checksum")).orElse("");
    Future<GateReport> gate = running(key, plan);
    gate.timeout(answerWithin.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(report -> answer(ctx, report))
        .onFailure(e -> {
          if (e instanceof GateLauncher.Busy) {
            JsonBodies.failed(ctx, e);
          } else {
            latest(key).ifPresentOrElse(report -> answer(ctx, report), () -> notYet(ctx));
          }
        });
  }

  private synchronized Future<GateReport> running(String key, GatePlan plan) {
    Revision revision = revisions.computeIfAbsent(key, k -> new Revision());
    if (revision.running == null) {
      Future<GateReport> started = launcher.start(plan);
      revision.running = started;
      started.onComplete(done -> finished(revision, done.succeeded() ? done.result() : null));
    }
    return revision.running;
  }

  private synchronized void finished(Revision revision, GateReport report) {
    revision.running = null;
    if (report != null) {
      revision.latest = report;
    }
  }

  private synchronized Optional<GateReport> latest(String key) {
    return Optional.ofNullable(revisions.get(key)).map(r -> r.latest);
  }

  private static void answer(RoutingContext ctx, GateReport report) {
    if (report.verdict() == GateVerdict.PASSED) {
      ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
          .end(JsonReport.encode(report).encode());
      return;
    }
    boolean failed = report.verdict() == GateVerdict.FAILED;
    Problem.send(ctx, failed ? 412 : 503,
        Problem.body(failed ? 412 : 503, failed ? "Gate failed" : "Gate could not run", report.reason())
            .put("report", JsonReport.encode(report)));
  }

  private static void notYet(RoutingContext ctx) {
    ctx.response().putHeader("Retry-After", "10");
    Problem.send(ctx, 503, "Gate running", "the gate of this revision is running and has no verdict yet");
  }

  private static String text(JsonObject payload, String key, List<String> problems) {
    Object value = payload == null ? null : payload.getValue(key);
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    problems.add("Flagger's payload needs '" + key + "' (a non-empty string)");
    return "";
  }

  private static Map<String, String> metadata(JsonObject payload, List<String> problems) {
    Object value = payload == null ? null : payload.getValue("metadata");
    if (!(value instanceof JsonObject json)) {
      problems.add("Flagger's payload needs 'metadata' with at least tenants and journeys");
      return Map.of();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    json.forEach(e -> metadata.put(e.getKey(), String.valueOf(e.getValue())));
    return metadata;
  }
}
