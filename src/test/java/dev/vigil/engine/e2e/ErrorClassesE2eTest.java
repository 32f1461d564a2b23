package dev.vigil.engine.e2e;

import static dev.vigil.engine.e2e.Runs.assertMentions;
import static dev.vigil.engine.e2e.Runs.assertNoSecret;
import static dev.vigil.engine.e2e.Runs.assertStep;
import static dev.vigil.engine.e2e.Runs.assertStopped;
import static dev.vigil.engine.e2e.Runs.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.journey.CatalogException;
import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each error class a run can end with, provoked for real against a sandbox Odoo (or a closed
 * port): the outcome, the class, a message that names what failed, and no password in any message.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ErrorClassesE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
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

  private Tenant tenantAs(String id, String db, String login, SecretRef secret, String journey) {
    return sandbox.tenantAs(id, db, OdooApi.SESSION, login, secret, journey);
  }

  @Test
  @DisplayName("A wrong password ends the run ERRORED with AUTH at the login step, and the password shows nowhere")
  void wrongPassword(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(
            tenantAs("wrong-password", DB, "admin", E2eSandbox.WRONG_SECRET, "login"), builtIn.get("login")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult login = assertStopped(run, Outcome.ERRORED, ErrorClass.AUTH, "authenticate");
          assertMentions(run, login.message(), "session/authenticate", "Access Denied");
          assertStep(run, "read-own-user", StepOutcome.SKIPPED);
          assertNoSecret(run, E2eSandbox.WRONG_PASSWORD, E2eSandbox.ADMIN_PASSWORD);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("An unknown database ends the run ERRORED with AUTH: the tenant's login cannot work")
  void unknownDatabase(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(
            tenantAs("unknown-db", "no_such_db", "admin", E2eSandbox.ADMIN_SECRET, "login"), builtIn.get("login")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult login = assertStopped(run, Outcome.ERRORED, ErrorClass.AUTH, "authenticate");
          assertMentions(run, login.message(), "session/authenticate", "Database not found");
          assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("The demo user reading system parameters ends the run ERRORED with ACCESS, naming the model")
  void accessDenied(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(
            tenantAs("demo-user", DB, "demo", E2eSandbox.DEMO_SECRET, "e2e-access-config"),
            e2e.get("e2e-access-config")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertStep(run, "login", StepOutcome.PASSED);
          StepResult read = assertStopped(run, Outcome.ERRORED, ErrorClass.ACCESS, "read-config");
          assertMentions(run, read.message(), "ir.config_parameter.search_read", "AccessError", "not allowed");
          assertStep(run, "after-config", StepOutcome.SKIPPED);
          assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Posting an invoice without lines ends the run ERRORED with VALIDATION; teardown deletes the draft")
  void userError(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.prepareInspector(DB))
        .compose(ready -> sandbox.run(sandbox.tenant("empty-invoice", DB, "e2e-post-empty-invoice"),
            e2e.get("e2e-post-empty-invoice")))
        .compose(run -> sandbox.count(DB, "account.move", List.of()).map(left -> new RunAndCount(run, left)))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          RunResult run = outcome.run();
          StepResult post = assertStopped(run, Outcome.ERRORED, ErrorClass.VALIDATION, "post-invoice");
          assertMentions(run, post.message(), "account.move.action_post", "UserError", "add a line");
          assertStep(run, "never-reached", StepOutcome.SKIPPED);
          assertEquals(StepOutcome.PASSED, Runs.teardownStep(run, "delete-invoice").outcome(), () -> describe(run));
          assertEquals(0, outcome.count(), "invoices left after the teardown");
          assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD);
          testContext.completeNow();
        })));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 17, 18, 19})
  @DisplayName("A field of the other Odoo version ends the run ERRORED with VALIDATION, naming the field")
  void fieldOfOtherVersion(int version, Vertx vertx, VertxTestContext testContext) {
    String step = version < 18 ? "storable-by-18-field" : "storable-by-16-field";
    String field = version < 18 ? "is_storable" : "detailed_type";
    start(vertx, E2eSandbox.config(version).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> sandbox.run(sandbox.tenant("other-version", DB, "e2e-other-version-field"),
            e2e.get("e2e-other-version-field")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult failed = assertStopped(run, Outcome.ERRORED, ErrorClass.VALIDATION, step);
          assertMentions(run, failed.message(), "product.product.search_read", "ValueError", field);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Writing on a record that does not exist ends the run ERRORED with MISSING_RECORD, naming model and id")
  void missingRecord(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("missing", DB, "e2e-missing-record"),
            e2e.get("e2e-missing-record")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult write = assertStopped(run, Outcome.ERRORED, ErrorClass.MISSING_RECORD, "write-missing");
          assertMentions(run, write.message(), "account.move.write", "MissingError", "999999999");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A database whose PostgreSQL is down ends logins and calls ERRORED with SERVER_ERROR")
  void databaseDown(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("logged-in", DB, "login"), builtIn.get("login")))
        .compose(first -> sandbox.control().setDown(DB, true)
            .compose(down -> sandbox.run(sandbox.tenant("logged-in", DB, "login"), builtIn.get("login")))
            .compose(withSession -> sandbox.run(sandbox.tenant("fresh", DB, "login"), builtIn.get("login"))
                .map(withoutSession -> List.of(first, withSession, withoutSession))))
        .eventually(() -> sandbox.control().setDown(DB, false))
        .onComplete(testContext.succeeding(runs -> testContext.verify(() -> {
          Runs.assertPassed(runs.get(0));
          RunResult withSession = runs.get(1);
          assertStep(withSession, "authenticate", StepOutcome.PASSED);
          StepResult read = assertStopped(withSession, Outcome.ERRORED, ErrorClass.SERVER_ERROR, "read-own-user");
          assertMentions(withSession, read.message(), "res.users.read", "psycopg2.OperationalError");
          RunResult withoutSession = runs.get(2);
          StepResult login = assertStopped(withoutSession, Outcome.ERRORED, ErrorClass.SERVER_ERROR, "authenticate");
          assertMentions(withoutSession, login.message(), "session/authenticate", "psycopg2.OperationalError");
          runs.forEach(run -> assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A step with a 1s timeout on a hung database ends ERRORED with TIMEOUT; after release the tenant passes again")
  void stepTimeout(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(hungTenant(), builtIn.get("login")))
        .compose(loggedIn -> sandbox.control().hang(DB))
        .compose(hung -> sandbox.run(hungTenant(), e2e.get("e2e-step-timeout")))
        .compose(timedOut -> sandbox.control().release(DB)
            .compose(released -> sandbox.run(hungTenant(), builtIn.get("login")))
            .map(again -> List.of(timedOut, again)))
        .eventually(() -> sandbox.control().release(DB))
        .onComplete(testContext.succeeding(runs -> testContext.verify(() -> {
          RunResult run = runs.get(0);
          assertStep(run, "login", StepOutcome.PASSED);
          StepResult read = assertStopped(run, Outcome.ERRORED, ErrorClass.TIMEOUT, "read-user");
          assertEquals(StepOutcome.ERRORED, read.outcome(), () -> describe(run));
          assertTrue(read.message().startsWith("no answer within the step timeout of 1000 ms"), () -> describe(run));
          assertStep(run, "after-read", StepOutcome.SKIPPED);
          Runs.assertPassed(runs.get(1));
          testContext.completeNow();
        })));
  }

  /** The same tenant each time (so the same Odoo client and session): built once the sandbox listens. */
  private Tenant hungTenant() {
    return sandbox.tenant("hung", DB, "login", "e2e-step-timeout");
  }

  @Test
  @DisplayName("A tenant whose Odoo port is closed ends the run ERRORED with CONNECTION, naming host and port")
  void closedPort(Vertx vertx, VertxTestContext testContext) {
    closedPort(vertx)
        .compose(port -> start(vertx).compose(started -> sandbox.run(
            E2eSandbox.tenant("closed-port", URI.create("http://127.0.0.1:" + port), DB, OdooApi.SESSION,
                new Credentials("admin", E2eSandbox.ADMIN_SECRET), Set.of(), E2eSandbox.journeys(Optional.empty(), "login")),
            builtIn.get("login")).map(run -> new RunAndCount(run, port))))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          RunResult run = outcome.run();
          StepResult login = assertStopped(run, Outcome.ERRORED, ErrorClass.CONNECTION, "authenticate");
          assertMentions(run, login.message(), "127.0.0.1:" + outcome.count());
          assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A journey that never reached Odoo reports no teardown failure: its teardown had nothing to clean up")
  void unreachableTeardown(Vertx vertx, VertxTestContext testContext) {
    closedPort(vertx)
        .compose(port -> start(vertx).compose(started -> sandbox.run(
            E2eSandbox.tenant("closed-port", URI.create("http://127.0.0.1:" + port), DB, OdooApi.SESSION,
                new Credentials("admin", E2eSandbox.ADMIN_SECRET), Set.of(),
                E2eSandbox.journeys(Optional.empty(), "stock-move")),
            builtIn.get("stock-move"))))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertStopped(run, Outcome.ERRORED, ErrorClass.CONNECTION, "login");
          assertEquals(List.of(), run.teardownFailures(), () -> describe(run));
          run.teardown().forEach(step -> assertEquals(StepOutcome.SKIPPED, step.outcome(), () -> describe(run)));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A tenant whose secret cannot be read ends ERRORED with AUTH, naming where it was looked for")
  void secretUnavailable(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(
            tenantAs("no-secret", DB, "admin", new SecretRef.File("/run/secrets/e2e-missing"), "login"),
            builtIn.get("login")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult login = assertStopped(run, Outcome.ERRORED, ErrorClass.AUTH, "authenticate");
          assertMentions(run, login.message(), "secret", "/run/secrets/e2e-missing");
          testContext.completeNow();
        })));
  }

  /** A local port that was just listening and is closed now: connections to it are refused. */
  private static Future<Integer> closedPort(Vertx vertx) {
    NetServer probe = vertx.createNetServer().connectHandler(socket -> socket.close());
    return probe.listen(0, "127.0.0.1")
        .compose(server -> {
          int port = server.actualPort();
          return server.close().map(closed -> port);
        });
  }

  @Test
  @DisplayName("purchase-approval where purchase is not installed ends ERRORED with PRECONDITION; teardown steps are skipped")
  void purchaseNotInstalled(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("no-purchase", DB, "purchase-approval"),
            builtIn.get("purchase-approval")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult check = assertStopped(run, Outcome.ERRORED, ErrorClass.PRECONDITION, "purchase-installed");
          assertMentions(run, check.message(), "'purchase'", DB);
          assertEquals(List.of("login", "purchase-installed", "find-vendor", "find-product", "create-order",
              "confirm-order", "check-confirmed"), run.steps().stream().map(StepResult::name).toList());
          run.steps().subList(2, run.steps().size())
              .forEach(step -> assertEquals(StepOutcome.SKIPPED, step.outcome(), () -> describe(run)));
          assertEquals(4, run.teardown().size(), () -> describe(run));
          run.teardown().forEach(step -> assertEquals(StepOutcome.SKIPPED, step.outcome(), () -> describe(run)));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("An http step to an origin the tenant does not allow ends ERRORED with JOURNEY, naming the origin")
  void foreignOrigin(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("foreign", DB, "e2e-http-elsewhere"),
            e2e.get("e2e-http-elsewhere")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult fetch = assertStopped(run, Outcome.ERRORED, ErrorClass.JOURNEY, "fetch-elsewhere");
          assertMentions(run, fetch.message(), "origin http://127.0.0.1:9", "not allowed");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("An http step to an allowed origin whose port is closed ends ERRORED with CONNECTION, naming the origin")
  void httpStepToClosedPort(Vertx vertx, VertxTestContext testContext) {
    closedPort(vertx)
        .compose(port -> start(vertx).compose(started -> {
          String origin = "http://127.0.0.1:" + port;
          Tenant tenant = E2eSandbox.tenant("allowed", sandbox.baseUrl(), DB, OdooApi.SESSION,
              new Credentials("admin", E2eSandbox.ADMIN_SECRET), Set.of(origin),
              List.of(new TenantJourney("e2e-http-elsewhere", Duration.ofMinutes(1),
                  Map.of("url", origin + "/web/health"), Optional.empty())));
          return sandbox.run(tenant, e2e.get("e2e-http-elsewhere")).map(run -> new RunAndCount(run, port));
        }))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          RunResult run = outcome.run();
          StepResult fetch = assertStopped(run, Outcome.ERRORED, ErrorClass.CONNECTION, "fetch-elsewhere");
          assertMentions(run, fetch.message(), "http://127.0.0.1:" + outcome.count());
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A 'matches' template that renders to an invalid regular expression ends ERRORED with JOURNEY; teardown runs")
  void invalidRenderedRegex(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("regex", DB, "e2e-rendered-regex"), e2e.get("e2e-rendered-regex")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult check = assertStopped(run, Outcome.ERRORED, ErrorClass.JOURNEY, "check-login");
          assertMentions(run, check.message(), "result[0].login", "(admin", "regular expression");
          assertStep(run, "after-check", StepOutcome.SKIPPED);
          assertEquals(StepOutcome.PASSED, Runs.teardownStep(run, "web-health").outcome(), () -> describe(run));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("An assertion expecting a variable that was never set ends ERRORED with JOURNEY; teardown runs")
  void unsetExpectedValue(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("unset", DB, "e2e-unset-expected"), e2e.get("e2e-unset-expected")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult check = assertStopped(run, Outcome.ERRORED, ErrorClass.JOURNEY, "check-login");
          assertMentions(run, check.message(), "vars.future_login");
          assertEquals(StepOutcome.PASSED, Runs.teardownStep(run, "web-health").outcome(), () -> describe(run));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A number comparison on a text value FAILS the check, saying why; teardown runs")
  void uncomparableValue(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("uncomparable", DB, "e2e-uncomparable"), e2e.get("e2e-uncomparable")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult check = assertStopped(run, Outcome.FAILED, ErrorClass.ASSERTION, "check-login");
          assertMentions(run, check.message(), "cannot compare", "\"admin\"", "numbers");
          assertEquals(StepOutcome.PASSED, Runs.teardownStep(run, "web-health").outcome(), () -> describe(run));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A variable whose step was skipped by its condition ends the reading step ERRORED with JOURNEY")
  void unsetVariable(Vertx vertx, VertxTestContext testContext) {
    start(vertx)
        .compose(started -> sandbox.run(sandbox.tenant("unset-var", DB, "e2e-skipped-variable"),
            e2e.get("e2e-skipped-variable")))
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          assertStep(run, "find-on-future-odoo", StepOutcome.SKIPPED);
          StepResult read = assertStopped(run, Outcome.ERRORED, ErrorClass.JOURNEY, "read-partner");
          assertMentions(run, read.message(), "vars.partner");
          assertTrue(Runs.step(run, "find-on-future-odoo").message().contains("odoo > 99"), () -> describe(run));
          testContext.completeNow();
        })));
  }

  private record RunAndCount(RunResult run, int count) {}
}
