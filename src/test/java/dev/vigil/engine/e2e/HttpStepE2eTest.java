package dev.vigil.engine.e2e;

import static dev.vigil.engine.e2e.Runs.assertMentions;
import static dev.vigil.engine.e2e.Runs.assertPassed;
import static dev.vigil.engine.e2e.Runs.assertStopped;

import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.journey.CatalogException;
import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The http step against an origin the tenant allows besides its Odoo: redirects are followed only
 * within allowed origins (a journey cannot make Vigil a proxy into the hosting network), at most
 * five of them, and a 5xx is the server's error.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class HttpStepE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static final String FORBIDDEN = "http://127.0.0.1:9/internal/admin";
  private static Journeys e2e;

  private FakeOrigin fake;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    e2e = Journeys.e2e();
  }

  /** Runs e2e-http-elsewhere at {@code path} of the fake origin, which the tenant allows. */
  private Future<RunResult> fetch(Vertx vertx, String path) {
    fake = new FakeOrigin(FORBIDDEN);
    return start(vertx, E2eSandbox.config(18).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> vertx.deployVerticle(fake))
        .compose(deployed -> {
          Tenant tenant = E2eSandbox.tenant("allowed", sandbox.baseUrl(), DB, OdooApi.SESSION,
              new Credentials("admin", E2eSandbox.ADMIN_SECRET), Set.of(fake.origin()),
              List.of(new TenantJourney("e2e-http-elsewhere", Duration.ofMinutes(1),
                  Map.of("url", fake.origin() + path), Optional.empty())));
          return sandbox.run(tenant, e2e.get("e2e-http-elsewhere"));
        });
  }

  @Test
  @DisplayName("A redirect within the allowed origin is followed and the step passes")
  void redirectWithinOrigin(Vertx vertx, VertxTestContext testContext) {
    fetch(vertx, "/redirect-in").onComplete(testContext.succeeding(run -> testContext.verify(() -> {
      assertPassed(run);
      testContext.completeNow();
    })));
  }

  @Test
  @DisplayName("A redirect to an origin the tenant does not allow is not followed: ERRORED with JOURNEY")
  void redirectOutOfOrigin(Vertx vertx, VertxTestContext testContext) {
    fetch(vertx, "/redirect-out").onComplete(testContext.succeeding(run -> testContext.verify(() -> {
      StepResult fetch = assertStopped(run, Outcome.ERRORED, ErrorClass.JOURNEY, "fetch-elsewhere");
      assertMentions(run, fetch.message(), "origin http://127.0.0.1:9", "not allowed");
      testContext.completeNow();
    })));
  }

  @Test
  @DisplayName("Endless redirects stop after five: ERRORED with JOURNEY")
  void redirectLoop(Vertx vertx, VertxTestContext testContext) {
    fetch(vertx, "/loop").onComplete(testContext.succeeding(run -> testContext.verify(() -> {
      StepResult fetch = assertStopped(run, Outcome.ERRORED, ErrorClass.JOURNEY, "fetch-elsewhere");
      assertMentions(run, fetch.message(), "more than 5 redirects");
      testContext.completeNow();
    })));
  }

  @Test
  @DisplayName("A 503 answer ends ERRORED with SERVER_ERROR, saying the status")
  void serverError(Vertx vertx, VertxTestContext testContext) {
    fetch(vertx, "/unavailable").onComplete(testContext.succeeding(run -> testContext.verify(() -> {
      StepResult fetch = assertStopped(run, Outcome.ERRORED, ErrorClass.SERVER_ERROR, "fetch-elsewhere");
      assertMentions(run, fetch.message(), "got 503");
      testContext.completeNow();
    })));
  }
}
