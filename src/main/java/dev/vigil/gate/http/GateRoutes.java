package dev.vigil.gate.http;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.RunResult;
import dev.vigil.gate.GatePlan;
import dev.vigil.gate.GatePlanner;
import dev.vigil.gate.GateReport;
import dev.vigil.gate.GateRunner;
import dev.vigil.gate.GateVerdict;
import dev.vigil.gate.InvalidGateException;
import dev.vigil.gate.report.JsonReport;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP gate's routes, for tokens of role {@code gate}:
 *
 * <ul>
 *   <li>{@code POST /api/v1/gates} with a JSON {@link GateRequests gate request} runs the gate over
 *       tenants of the current catalog and answers its JSON report ({@link JsonReport}): 200 when
 *       it ran (check {@code passed}), 503 when it could not run (target unreachable, login
 *       refused), 400 with every problem for an invalid request, 429 when too many gates run.
 *       An Argo Rollouts {@code web} metric reads {@code {$.passed}}; a 503 is a measurement
 *       error there, not a failed release.
 *   <li>{@code POST /api/v1/gates/flagger}: a Flagger webhook ({@link FlaggerGates}).
 * </ul>
 *
 * Errors are {@code application/problem+json}. Handlers run on the event loop and never block.
 */
public final class GateRoutes {
  public static final String GATES = "/api/v1/gates";
  public static final String FLAGGER = "/api/v1/gates/flagger";
  /** Gates running at once, both endpoints together. */
  public static final int MAX_GATES_IN_FLIGHT = 4;
  private static final int BODY_LIMIT = 64 * 1024;
  private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(5);

  private final Supplier<Catalog> catalog;
  private final GatePlanner planner;
  private final GateLauncher launcher;
  private final GateAuth auth;
  private final FlaggerGates flagger;

  /**
   * @param catalog the current catalog (the live one, reloaded as files change)
   * @param runner runs gates through the monitor's engine
   * @param sink where gate runs go (store, live stream); called on the event loop, must not block
   * @param flaggerAnswerWithin how long a Flagger call waits for its gate before answering from the
   *     latest verdict: keep it under the webhook's {@code timeout} in the Canary
   */
  public GateRoutes(Supplier<Catalog> catalog, GateRunner runner, GatePlanner planner,
      Authenticator authenticator, Consumer<RunResult> sink,
      Duration flaggerAnswerWithin) {
    this.catalog = catalog;
    this.planner = planner;
    this.launcher = new GateLauncher(runner, sink, MAX_GATES_IN_FLIGHT);
    this.auth = new GateAuth(authenticator, AUTH_TIMEOUT);
    this.flagger = new FlaggerGates(catalog, planner, launcher, flaggerAnswerWithin);
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post(FLAGGER).handler(body).handler(auth).handler(flagger::handle);
    router.post(GATES).handler(body).handler(auth).handler(this::gate);
  }

  private void gate(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    if (body == null) {
      Problem.invalid(ctx, List.of("the body must be a JSON object"));
      return;
    }
    GatePlan plan;
    try {
      plan = planner.plan(catalog.get(), GateRequests.fromJson(body));
    } catch (InvalidGateException invalid) {
      Problem.invalid(ctx, invalid.problems());
      return;
    }
    launcher.start(plan)
        .onSuccess(report -> answer(ctx, report))
        .onFailure(e -> JsonBodies.failed(ctx, e));
  }

  private static void answer(RoutingContext ctx, GateReport report) {
    ctx.response()
        .setStatusCode(report.verdict() == GateVerdict.CANNOT_RUN ? 503 : 200)
        .putHeader("Content-Type", "application/json")
        .end(JsonReport.encode(report).encode());
  }
}
