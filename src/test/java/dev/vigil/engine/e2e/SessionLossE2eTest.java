package dev.vigil.engine.e2e;

import static dev.vigil.engine.e2e.Runs.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogException;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SessionExpiryMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server restart loses every session. The tenant's client notices on its next call, however the
 * server says it (a JSON-RPC "session expired" error or a redirect to the login page), logs in
 * again exactly once and retries, and the run passes.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SessionLossE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static final int CONCURRENT_RUNS = 6;
  private static Journeys builtIn;
  private static Journeys e2e;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    builtIn = Journeys.builtIn();
    e2e = Journeys.e2e();
  }

  private Future<E2eSandbox> start(Vertx vertx, SessionExpiryMode mode, int version) {
    return start(vertx, E2eSandbox.config(version).withSessionExpiry(mode).withDatabase(SandboxConfig.Database.of(DB)));
  }

  /** The same tenant each time, so the same client and session. */
  private Tenant tenant() {
    return sandbox.tenant("clinic-north", DB, "login", "e2e-session-midway");
  }

  @ParameterizedTest(name = "{0}, Odoo {1}")
  @CsvSource({"SESSION_EXPIRED, 16", "SESSION_EXPIRED, 18", "REDIRECT_LOGIN, 16", "REDIRECT_LOGIN, 18"})
  @DisplayName("Sessions lost between two runs: the second run logs in again once and passes")
  void lostBetweenRuns(SessionExpiryMode mode, int version, Vertx vertx, VertxTestContext testContext) {
    List<Long> authentications = new ArrayList<>();
    start(vertx, mode, version)
        .compose(started -> {
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.run(tenant(), builtIn.get("login"));
        })
        .compose(first -> {
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.control().expireAllSessions()
              .compose(expired -> sandbox.run(tenant(), builtIn.get("login")))
              .map(second -> List.of(first, second));
        })
        .compose(runs -> {
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.run(tenant(), builtIn.get("login")).map(third -> List.of(runs.get(0), runs.get(1), third));
        })
        .onComplete(testContext.succeeding(runs -> testContext.verify(() -> {
          authentications.add(sandbox.control().authentications(DB));
          runs.forEach(Runs::assertPassed);
          assertEquals(List.of(0L, 1L, 2L, 2L), authentications,
              "password checks: before, after the first run, after the run that found its session lost, after one more");
          testContext.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SessionExpiryMode.class)
  @DisplayName("Concurrent runs of a tenant share one login, and after sessions are lost one re-login")
  void concurrentRunsShareLogins(SessionExpiryMode mode, Vertx vertx, VertxTestContext testContext) {
    List<Long> authentications = new ArrayList<>();
    start(vertx, mode, 18)
        .compose(started -> {
          authentications.add(sandbox.control().authentications(DB));
          return concurrentLogins();
        })
        .compose(first -> {
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.control().expireAllSessions().compose(expired -> concurrentLogins())
              .map(second -> Stream.concat(first.stream(), second.stream()).toList());
        })
        .onComplete(testContext.succeeding(runs -> testContext.verify(() -> {
          authentications.add(sandbox.control().authentications(DB));
          runs.forEach(Runs::assertPassed);
          assertEquals(List.of(0L, 1L, 2L), authentications,
              "password checks before, after concurrent runs, after concurrent runs that found the sessions lost");
          testContext.completeNow();
        })));
  }

  /** Starts {@value #CONCURRENT_RUNS} runs of {@code login} for the tenant at once. */
  private Future<List<RunResult>> concurrentLogins() {
    List<Future<RunResult>> runs = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_RUNS; i++) {
      runs.add(sandbox.run(tenant(), builtIn.get("login")));
    }
    return Future.all(runs).map(all -> runs.stream().map(Future::result).toList());
  }

  @ParameterizedTest(name = "{0}, Odoo {1}")
  @CsvSource({"SESSION_EXPIRED, 16", "SESSION_EXPIRED, 18", "REDIRECT_LOGIN, 16", "REDIRECT_LOGIN, 18"})
  @DisplayName("Sessions lost in the middle of a run: the next call logs in again once and the run passes")
  void lostMidRun(SessionExpiryMode mode, int version, Vertx vertx, VertxTestContext testContext) {
    List<Long> authentications = new ArrayList<>();
    start(vertx, mode, version)
        .compose(started -> sandbox.run(tenant(), builtIn.get("login")))
        .compose(loggedIn -> {
          assertPassed(loggedIn);
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.control().hang(DB);
        })
        .compose(hung -> {
          Future<RunResult> run = sandbox.run(tenant(), e2e.get("e2e-session-midway"));
          return sandbox.busyWorkers(1)
              .compose(held -> sandbox.control().expireAllSessions())
              .compose(expired -> sandbox.control().release(DB))
              .compose(released -> run);
        })
        .eventually(() -> sandbox.control().release(DB))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          authentications.add(sandbox.control().authentications(DB));
          assertPassed(run);
          assertEquals(1, authentications.get(1) - authentications.get(0),
              "password checks during the run whose session was lost midway");
          testContext.completeNow();
        })));
  }
}
