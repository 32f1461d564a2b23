package dev.vigil.engine.e2e;

import static dev.vigil.engine.e2e.Runs.assertNoSecret;
import static dev.vigil.engine.e2e.Runs.assertStopped;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogException;
import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same failures through each of Odoo's APIs (session JSON-RPC, stateless {@code /jsonrpc} and
 * {@code /json/2}, all on Odoo 19): a tenant's problem is classed the same whichever API its
 * tenant file names, and no message holds the password or API key (which {@code /jsonrpc} sends
 * with every call).
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ErrorClassesAcrossApisE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static Journeys builtIn;
  private static Journeys e2e;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    builtIn = Journeys.builtIn();
    e2e = Journeys.e2e();
  }

  /** A failure to provoke: who logs in where, which journey, and what the run must say. */
  private record Case(
      String name, String db, String login, SecretRef secret, String journey, ErrorClass expected, String step,
      String fragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> apisAndCases() {
    Case[] cases = {
        new Case("wrong password", DB, "admin", E2eSandbox.WRONG_SECRET, "login", ErrorClass.AUTH, "authenticate",
            "AccessDenied"),
        new Case("unknown database", "no_such_db", "admin", E2eSandbox.ADMIN_SECRET, "login", ErrorClass.AUTH,
            "authenticate", "database"),
        new Case("access", DB, "demo", E2eSandbox.DEMO_SECRET, "e2e-access-config", ErrorClass.ACCESS, "read-config",
            "ir.config_parameter"),
        new Case("field of another version", DB, "admin", E2eSandbox.ADMIN_SECRET, "e2e-other-version-field",
            ErrorClass.VALIDATION, "storable-by-16-field", "detailed_type"),
        new Case("missing record", DB, "admin", E2eSandbox.ADMIN_SECRET, "e2e-missing-record",
            ErrorClass.MISSING_RECORD, "write-missing", "999999999"),
        new Case("business rule", DB, "admin", E2eSandbox.ADMIN_SECRET, "e2e-post-empty-invoice",
            ErrorClass.VALIDATION, "post-invoice", "add a line"),
    };
    return Stream.of(OdooApi.values())
        .flatMap(api -> Stream.of(cases).map(c -> Arguments.of(api, c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("apisAndCases")
  @DisplayName("A failure is classed the same through every API, and no message holds a secret")
  void sameClassEverywhere(OdooApi api, Case failure, Vertx vertx, VertxTestContext testContext) {
    start(vertx, E2eSandbox.config(19).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> {
          Tenant tenant =
              sandbox.tenantAs("tenant", failure.db(), api, failure.login(), failure.secret(), failure.journey());
          Journeys journeys = failure.journey().startsWith("e2e-") ? e2e : builtIn;
          return sandbox.run(tenant, journeys.get(failure.journey()));
        })
        .onComplete(testContext.succeeding(run -> testContext.verify(() -> {
          StepResult step = assertStopped(run, Outcome.ERRORED, failure.expected(), failure.step());
          assertTrue(step.message().toLowerCase(Locale.ROOT).contains(failure.fragment().toLowerCase(Locale.ROOT)),
              () -> "'" + failure.fragment() + "' missing from " + Runs.describe(run));
          assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD, E2eSandbox.WRONG_PASSWORD);
          testContext.completeNow();
        })));
  }
}
