package dev.vigil.engine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in journeys over Odoo's other external APIs: the stateless {@code /jsonrpc} (login
 * and password on every call) on every version, and Odoo 19's {@code /json/2} with an API key
 * (the sandbox accepts a user's password as its key). Twice in a row, leaving no trace, the
 * password never in a message.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OtherApisE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static final List<String> JOURNEYS =
      List.of("login", "invoice-posting", "stock-move", "purchase-approval");
  private static Journeys builtIn;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    builtIn = Journeys.builtIn();
  }

  static Stream<Arguments> apisVersionsAndJourneys() {
    Stream<Arguments> jsonRpc = Stream.of(16, 17, 18, 19)
        .flatMap(version -> JOURNEYS.stream().map(journey -> Arguments.of(OdooApi.JSONRPC, version, journey)));
    Stream<Arguments> json2 = JOURNEYS.stream().map(journey -> Arguments.of(OdooApi.JSON2, 19, journey));
    return Stream.concat(jsonRpc, json2);
  }

  @ParameterizedTest(name = "{0}, Odoo {1}: {2}")
  @MethodSource("apisVersionsAndJourneys")
  @DisplayName("A built-in journey passes twice over the API, checks the password once and leaves no trace")
  void passesTwice(OdooApi api, int version, String journeyId, Vertx vertx, VertxTestContext testContext) {
    List<Long> authentications = new ArrayList<>();
    start(vertx, E2eSandbox.config(version).withDatabase(SandboxConfig.Database.of(DB).withModule("purchase")))
        .compose(started -> sandbox.prepareInspector(DB))
        .compose(ready -> Traces.of(sandbox, DB, true))
        .compose(before -> {
          Tenant tenant = sandbox.tenantAs("clinic-north", DB, api, "admin", E2eSandbox.ADMIN_SECRET, journeyId);
          authentications.add(sandbox.control().authentications(DB));
          return sandbox.runTwice(tenant, builtIn.get(journeyId))
              .compose(runs -> {
                authentications.add(sandbox.control().authentications(DB));
                return Traces.of(sandbox, DB, true).map(after -> new Outcome(runs, before, after));
              });
        })
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          for (RunResult run : outcome.runs()) {
            Runs.assertPassed(run);
            Runs.assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD);
            assertEquals(OptionalInt.of(version), run.odooVersion(), () -> Runs.describe(run));
          }
          if (api == OdooApi.JSONRPC) {
            assertEquals(1, authentications.get(1) - authentications.get(0), "common.login calls in two runs");
          }
          int receivedAndReturned = journeyId.equals("stock-move") ? 2 * 2 : 0;
          int ownJournal = journeyId.equals("invoice-posting") ? 1 : 0;
          Traces expected = outcome.before().withMorePickings(receivedAndReturned).withMoreJournals(ownJournal);
          assertEquals(expected, outcome.after(), "what the database holds after two runs (stock-move leaves its done receipt and return,"
                  + " invoice-posting its journal, created once)");
          testContext.completeNow();
        })));
  }

  private record Outcome(List<RunResult> runs, Traces before, Traces after) {}
}
