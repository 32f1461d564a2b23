package dev.vigil.engine.e2e;

import static dev.vigil.engine.e2e.Runs.assertMentions;
import static dev.vigil.engine.e2e.Runs.assertPassed;
import static dev.vigil.engine.e2e.Runs.assertStep;
import static dev.vigil.engine.e2e.Runs.assertStopped;
import static dev.vigil.engine.e2e.Runs.describe;
import static dev.vigil.engine.e2e.Runs.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a run unfolds, against a sandbox Odoo: a failure stops the journey but not its teardown,
 * soft steps, fallbacks, assertions, variables and step results in templates, version conditions,
 * polling, {@code ensure}, the journey's time limit and latency budgets.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RunSemanticsE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static final List<Object> SYNTHETIC_MOVES = List.of(List.of("ref", "=like", "synthetic-check%"));
  private static Journeys builtIn;
  private static Journeys e2e;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    builtIn = Journeys.builtIn();
    e2e = Journeys.e2e();
  }

  private Future<E2eSandbox> start(Vertx vertx) {
    return start(vertx, E2eSandbox.config(18).withDatabase(SandboxConfig.Database.of(DB)));
  }

  /** Runs one of the tests' journeys for a tenant named after it. */
  private Future<RunResult> run(String journeyId) {
    return sandbox.run(sandbox.tenant(journeyId, DB, journeyId), e2e.get(journeyId));
  }

  @Test
  @DisplayName("A failed assertion ends the run FAILED, skips the rest naming the step, and teardown deletes the invoice")
  void failedAssertion(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-failing-assertion"))
        .compose(run -> sandbox.count(DB, "account.move", SYNTHETIC_MOVES).map(left -> new RunAndCount(run, left)))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          RunResult run = outcome.run();
          StepResult check = assertStopped(run, Outcome.FAILED, ErrorClass.ASSERTION, "check-posted");
          assertEquals(StepOutcome.FAILED, check.outcome());
          assertEquals("expected result[0].state equals \"posted\", found \"draft\"", check.message());
          StepResult after = step(run, "after-check");
          assertEquals(StepOutcome.SKIPPED, after.outcome(), () -> describe(run));
          assertMentions(run, after.message(), "check-posted");
          StepResult delete = Runs.teardownStep(run, "delete-invoice");
          assertEquals(StepOutcome.PASSED, delete.outcome(), () -> describe(run));
          assertEquals(List.of(), run.teardownFailures());
          assertEquals(0, outcome.count(), "synthetic invoices left after the teardown");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A teardown step whose variable was never set is skipped: there is nothing to clean up")
  void teardownWithNothingToCleanUp(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-teardown-unset-variable"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertStopped(run, Outcome.FAILED, ErrorClass.ASSERTION, "fail-early");
          assertStep(run, "create-partner", StepOutcome.SKIPPED);
          StepResult delete = Runs.teardownStep(run, "delete-partner");
          assertEquals(StepOutcome.SKIPPED, delete.outcome(), () -> describe(run));
          assertMentions(run, delete.message(), "nothing to clean up", "vars.partner");
          assertEquals(List.of(), run.teardownFailures());
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("An http step answered with another status than expected FAILS, saying both")
  void httpStatus(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-http-status"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult page = assertStopped(run, Outcome.FAILED, ErrorClass.ASSERTION, "missing-page");
          assertEquals("expected status 200, got 404", page.message());
          assertStep(run, "after-page", StepOutcome.SKIPPED);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A failed soft step is reported but does not stop the journey, and the run passes")
  void softStep(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-soft-step"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertPassed(run);
          assertEquals("passed", run.message());
          StepResult soft = step(run, "read-missing");
          assertEquals(StepOutcome.ERRORED, soft.outcome(), () -> describe(run));
          assertEquals(Optional.of(ErrorClass.MISSING_RECORD), soft.errorClass(), () -> describe(run));
          assertTrue(soft.soft());
          assertStep(run, "read-user", StepOutcome.PASSED);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("When Odoo refuses to delete a posted invoice the fallback cancels it, and the step reports it")
  void fallback(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-fallback"))
        .compose(run -> sandbox.count(DB, "account.move", SYNTHETIC_MOVES).map(left -> new RunAndCount(run, left)))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          RunResult run = outcome.run();
          assertPassed(run);
          StepResult delete = step(run, "delete-posted");
          assertEquals(StepOutcome.PASSED, delete.outcome(), () -> describe(run));
          assertTrue(delete.usedFallback(), () -> describe(run));
          assertMentions(run, delete.message(), "cannot delete", "cancel-instead passed");
          assertStep(run, "check-cancelled", StepOutcome.PASSED);
          assertFalse(step(run, "post-invoice").usedFallback());
          assertEquals(0, outcome.count(), "synthetic invoices left after the teardown");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Extracted variables keep their type and ${steps.NAME.result...} reads earlier results")
  void templates(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-templates"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertPassed(run);
          run.steps().forEach(s -> assertEquals(StepOutcome.PASSED, s.outcome(), () -> describe(run)));
          assertEquals(6, run.steps().size(), () -> describe(run));
          testContext.completeNow();
        })));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 17, 18})
  @DisplayName("'when: odoo >= 17' runs the step on 17 and later and skips it on 16, saying why")
  void versionCondition(int version, Vertx vertx, VertxTestContext testContext) {
    start(vertx, E2eSandbox.config(version).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> run("e2e-version-condition"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertPassed(run);
          StepResult modern = step(run, "modern");
          StepResult legacy = step(run, "legacy");
          StepResult skipped = version >= 17 ? legacy : modern;
          assertEquals(StepOutcome.PASSED, (version >= 17 ? modern : legacy).outcome(), () -> describe(run));
          assertEquals(StepOutcome.SKIPPED, skipped.outcome(), () -> describe(run));
          assertMentions(run, skipped.message(), version >= 17 ? "odoo < 17" : "odoo >= 17", "does not hold");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A poll whose condition holds on the first try passes and its result can be extracted")
  void pollHolds(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-poll-holds"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertPassed(run);
          assertStep(run, "wait-for-user", StepOutcome.PASSED);
          assertStep(run, "after-poll", StepOutcome.PASSED);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A poll keeps asking until its condition holds: a partner created while it polls is found")
  void pollRetries(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.prepareInspector(DB))
        .compose(ready -> {
          long before = sandbox.control().callsServed(DB);
          Future<RunResult> run = run("e2e-poll-until-created");
          // login, then two unmet polls: the partner is created only after the poll saw it missing
          return sandbox.callsServed(DB, before + 3)
              .compose(polled -> sandbox.inspect(DB, "res.partner", "create",
                  List.of(Map.of("name", "Vigil E2E polled partner")), Map.of()))
              .compose(created -> run);
        })
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertPassed(run);
          assertStep(run, "wait-for-partner", StepOutcome.PASSED);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A poll whose condition never holds FAILS after 'within', saying what it last found")
  void pollNeverHolds(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-poll-never"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult poll = assertStopped(run, Outcome.FAILED, ErrorClass.ASSERTION, "wait-for-nobody");
          assertEquals(StepOutcome.FAILED, poll.outcome());
          assertMentions(run, poll.message(), "still not true after", "within 500 ms",
              "expected result[0].login equals \"nobody\", found \"admin\"");
          assertStep(run, "after-poll", StepOutcome.SKIPPED);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A poll cut short by its step's timeout FAILS, saying how long it really polled")
  void pollCutByStepTimeout(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> run("e2e-poll-step-timeout"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult poll = assertStopped(run, Outcome.FAILED, ErrorClass.ASSERTION, "wait-for-nobody");
          assertMentions(run, poll.message(), "still not true after",
              "expected result[0].login equals \"nobody\", found \"admin\"");
          Matcher window = Pattern.compile("within (\\d+) ms \\(the step's time limit; 'within' is 30000 ms\\)")
              .matcher(poll.message());
          assertTrue(window.find(), () -> describe(run));
          long polledMillis = Long.parseLong(window.group(1));
          assertTrue(polledMillis > 0 && polledMillis <= 1000, () -> "polled for at most the step's 1s: " + describe(run));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("'login: {fresh: true}' checks the password on every run although the session is live")
  void freshLogin(Vertx vertx, VertxTestContext testContext) {
    List<Long> authentications = new java.util.ArrayList<>();
    start(vertx)
        .compose(started -> {
          authentications.add(sandbox.control().authentications(DB));
          return run("e2e-fresh-login");
        })
        .compose(first -> {
          authentications.add(sandbox.control().authentications(DB));
          return run("e2e-fresh-login").map(second -> List.of(first, second));
        })
        .onComplete(testContext.succeeding(runs -> testContext.verify(() -> {
          authentications.add(sandbox.control().authentications(DB));
          runs.forEach(Runs::assertPassed);
          assertEquals(List.of(0L, 1L, 2L), authentications, "password checks before, after one and after two runs");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("'ensure' creates its record on the first run and finds the same one on the next")
  void ensure(Vertx vertx, VertxTestContext testContext) {
    List<Object> ensured = List.of(List.of("name", "=", "Vigil E2E ensured partner"));
    start(vertx)
        .compose(started -> sandbox.count(DB, "res.partner", ensured))
        .compose(before -> run("e2e-ensure")
            .compose(first -> sandbox.count(DB, "res.partner", ensured)
                .compose(afterFirst -> run("e2e-ensure")
                    .compose(second -> sandbox.count(DB, "res.partner", ensured)
                        .map(afterSecond -> new Ensured(List.of(first, second), List.of(before, afterFirst, afterSecond)))))))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          outcome.runs().forEach(Runs::assertPassed);
          assertEquals(List.of(0, 1, 1), outcome.counts(), "partners before, after the first and after the second run");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("The journey's time limit on a hung database ends the run TIMED_OUT, skips the rest, and teardown still runs")
  void journeyTimeout(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(hungTenant(), builtIn.get("login")))
        .compose(loggedIn -> sandbox.control().hang(DB))
        .compose(hung -> sandbox.run(hungTenant(), e2e.get("e2e-journey-timeout")))
        .eventually(() -> sandbox.control().release(DB))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertStep(run, "login", StepOutcome.PASSED);
          StepResult read = assertStopped(run, Outcome.TIMED_OUT, ErrorClass.TIMEOUT, "read-user");
          assertEquals(StepOutcome.TIMED_OUT, read.outcome(), () -> describe(run));
          StepResult after = step(run, "after-read");
          assertEquals(StepOutcome.SKIPPED, after.outcome(), () -> describe(run));
          assertMentions(run, after.message(), "read-user");
          assertEquals(StepOutcome.PASSED, Runs.teardownStep(run, "web-health").outcome(), () -> describe(run));
          testContext.completeNow();
        })));
  }

  /** The same tenant each time, so the same client and session. */
  private Tenant hungTenant() {
    return sandbox.tenant("hung", DB, "login", "e2e-journey-timeout");
  }

  @Test
  @DisplayName("A step slower than its budget leaves the run PASSED, flagged over budget")
  void stepOverBudget(Vertx vertx, VertxTestContext testContext) {
    start(vertx, E2eSandbox.config(18).withLatencyScale(1.0).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> run("e2e-over-budget"))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertPassed(run);
          assertTrue(run.overBudget(), () -> describe(run));
          assertEquals("passed, over budget", run.message());
          StepResult slow = step(run, "read-user");
          assertTrue(slow.overBudget(), () -> describe(run));
          assertMentions(run, slow.message(), "over budget", "> 1 ms");
          assertFalse(step(run, "read-again").overBudget(), () -> describe(run));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A run slower than the tenant's budget for the journey passes, flagged over budget")
  void journeyOverBudget(Vertx vertx, VertxTestContext testContext) {
    start(vertx, E2eSandbox.config(18).withLatencyScale(1.0).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> {
          Tenant tight = E2eSandbox.tenant("tight", sandbox.baseUrl(), DB, OdooApi.SESSION,
              new Credentials("admin", E2eSandbox.ADMIN_SECRET), Set.of(),
              E2eSandbox.journeys(Optional.of(Duration.ofMillis(1)), "health"));
          Tenant relaxed = E2eSandbox.tenant("relaxed", sandbox.baseUrl(), DB, OdooApi.SESSION,
              new Credentials("admin", E2eSandbox.ADMIN_SECRET), Set.of(),
              E2eSandbox.journeys(Optional.of(Duration.ofMinutes(1)), "health"));
          return sandbox.run(tight, builtIn.get("health"))
              .compose(overBudget -> sandbox.run(relaxed, builtIn.get("health")).map(within -> List.of(overBudget, within)));
        })
        .onComplete(testContext.succeeding(runs -> testContext.verify(() -> {
          RunResult overBudget = runs.get(0);
          assertPassed(overBudget);
          assertTrue(overBudget.overBudget(), () -> describe(overBudget));
          assertEquals("passed, over budget", overBudget.message());
          RunResult within = runs.get(1);
          assertPassed(within);
          assertFalse(within.overBudget(), () -> describe(within));
          assertEquals("passed", within.message());
          testContext.completeNow();
        })));
  }

  private record RunAndCount(RunResult run, int count) {}

  private record Ensured(List<RunResult> runs, List<Integer> counts) {}
}
