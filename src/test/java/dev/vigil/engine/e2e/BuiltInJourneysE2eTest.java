package dev.vigil.engine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogException;
import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every journey of the repository's {@code journeys/} folder, loaded through the catalog loader
 * and run through the production engine against a sandbox Odoo of every version, twice in a row
 * on the same tenant: both runs pass, and the database is left as it was found (no synthetic
 * invoice, order or unfinished transfer, every on-hand quantity unchanged), as read by a client
 * apart from the engine's. The second run reuses the first run's session.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BuiltInJourneysE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static final List<String> JOURNEYS =
      List.of("login", "health", "invoice-posting", "stock-move", "purchase-approval");
  private static Journeys journeys;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    journeys = Journeys.builtIn();
  }

  static Stream<Arguments> versionsAndJourneys() {
    return IntStream.of(16, 17, 18, 19).boxed()
        .flatMap(version -> JOURNEYS.stream().map(journey -> Arguments.of(version, journey)));
  }

  @ParameterizedTest(name = "Odoo {0}: {1}")
  @MethodSource("versionsAndJourneys")
  @DisplayName("A built-in journey passes twice in a row, reuses its session and leaves no trace")
  void passesTwiceWithoutTrace(int version, String journeyId, Vertx vertx, VertxTestContext testContext) {
    Journey journey = journeys.get(journeyId);
    SandboxConfig config = E2eSandbox.config(version)
        .withDatabase(SandboxConfig.Database.of(DB).withModule("purchase"));
    List<Long> authentications = new ArrayList<>();
    start(vertx, config)
        .compose(started -> sandbox.prepareInspector(DB))
        .compose(ready -> Traces.of(sandbox, DB, true))
        .compose(before -> {
          var tenant = sandbox.tenant("clinic-north", DB, journeyId);
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.run(tenant, journey)
              .compose(first -> {
                authentications.add(sandbox.control().authentications(DB));
                return sandbox.run(tenant, journey).map(second -> List.of(first, second));
              })
              .compose(runs -> {
                authentications.add(sandbox.control().authentications(DB));
                return Traces.of(sandbox, DB, true).map(after -> new Outcome(runs, before, after));
              });
        })
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          for (RunResult run : outcome.runs()) {
            Runs.assertPassed(run);
            Runs.assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD);
            if (!journeyId.equals("health")) {
              assertEquals(OptionalInt.of(version), run.odooVersion(), () -> Runs.describe(run));
            }
          }
          long firstRunLogins = authentications.get(1) - authentications.get(0);
          long secondRunLogins = authentications.get(2) - authentications.get(1);
          assertEquals(journeyId.equals("health") ? 0 : 1, firstRunLogins, "password checks in the first run");
          assertEquals(0, secondRunLogins, "the second run reuses the first run's session");
          int receivedAndReturned = journeyId.equals("stock-move") ? 2 * 2 : 0;
          int ownJournal = journeyId.equals("invoice-posting") ? 1 : 0;
          Traces expected = outcome.before().withMorePickings(receivedAndReturned).withMoreJournals(ownJournal);
          assertEquals(expected, outcome.after(), "what the database holds after two runs (stock-move leaves its done receipt and return,"
                  + " invoice-posting its journal, created once)");
          assertEquals(0, outcome.after().syntheticMoves(), "synthetic invoices left");
          assertEquals(0, outcome.after().syntheticOrders(), "synthetic purchase orders left");
          assertEquals(0, outcome.after().syntheticPendingPickings(), "unfinished synthetic receipts left");
          testContext.completeNow();
        })));
  }

  static Stream<Arguments> versionsAndDatabaseJourneys() {
    return IntStream.of(16, 17, 18, 19).boxed()
        .flatMap(version -> JOURNEYS.stream().filter(journey -> !journey.equals("health"))
            .map(journey -> Arguments.of(version, journey)));
  }

  @ParameterizedTest(name = "Odoo {0}: {1}")
  @MethodSource("versionsAndDatabaseJourneys")
  @DisplayName("A built-in journey passes twice for a monitoring user who is not an administrator, leaving no trace")
  void passesForNonAdministrator(int version, String journeyId, Vertx vertx, VertxTestContext testContext) {
    Journey journey = journeys.get(journeyId);
    SandboxConfig config = E2eSandbox.config(version)
        .withDatabase(SandboxConfig.Database.of(DB).withModule("purchase"));
    start(vertx, config)
        .compose(started -> sandbox.prepareInspector(DB))
        .compose(ready -> Traces.of(sandbox, DB, true))
        .compose(before -> {
          Tenant tenant =
              sandbox.tenantAs("clinic-north", DB, OdooApi.SESSION, "demo", E2eSandbox.DEMO_SECRET, journeyId);
          return sandbox.runTwice(tenant, journey)
              .compose(runs -> Traces.of(sandbox, DB, true).map(after -> new Outcome(runs, before, after)));
        })
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          outcome.runs().forEach(Runs::assertPassed);
          int receivedAndReturned = journeyId.equals("stock-move") ? 2 * 2 : 0;
          int ownJournal = journeyId.equals("invoice-posting") ? 1 : 0;
          Traces expected = outcome.before().withMorePickings(receivedAndReturned).withMoreJournals(ownJournal);
          assertEquals(expected, outcome.after(), "what the database holds after two runs");
          testContext.completeNow();
        })));
  }

  private record Outcome(List<RunResult> runs, Traces before, Traces after) {}
}
