package dev.vigil.engine.e2e;

import static dev.vigil.engine.e2e.Runs.assertPassed;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogException;
import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tenants of one Odoo server (one URL, several databases, as shared hosting has them) are
 * monitored independently: when the PostgreSQL server behind some of its databases hangs, the
 * runs of those tenants hang with it, but Vigil must still see that the tenants of the server's
 * other databases are up. The sandbox has workers to spare, so only Vigil could couple them.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TenantIsolationE2eTest extends SandboxTest {
  private static final List<String> HUNG_DATABASES = List.of("clinic_east", "clinic_west");
  private static final List<String> DATABASE_JOURNEYS =
      List.of("login", "invoice-posting", "stock-move", "purchase-approval");
  private static final String QUIET = "clinic_quiet";
  private static Journeys builtIn;

  @BeforeAll
  static void loadJourneys() throws CatalogException {
    builtIn = Journeys.builtIn();
  }

  @Test
  @DisplayName("While two databases hang under every journey of their tenants, a tenant of another database on the same server passes")
  void hungNeighboursDoNotStopOthers(Vertx vertx, VertxTestContext testContext) {
    SandboxConfig config = E2eSandbox.config(18).withWorkers(32);
    for (String db : HUNG_DATABASES) {
      config = config.withDatabase(SandboxConfig.Database.of(db).withModule("purchase"));
    }
    config = config.withDatabase(SandboxConfig.Database.of(QUIET));
    List<Future<RunResult>> hung = new ArrayList<>();
    start(vertx, config)
        .compose(started -> Future.all(HUNG_DATABASES.stream()
            .map(db -> sandbox.run(busyTenant(db), builtIn.get("login"))).toList()))
        .compose(loggedIn -> Future.all(HUNG_DATABASES.stream().map(db -> sandbox.control().hang(db)).toList()))
        .compose(allHung -> {
          for (String db : HUNG_DATABASES) {
            DATABASE_JOURNEYS.forEach(journey -> hung.add(sandbox.run(busyTenant(db), builtIn.get(journey))));
          }
          // Every hung run holds one request at the server before the quiet tenant runs; a run
          // that ends instead could not even reach the server.
          return Future.any(sandbox.busyWorkers(hung.size()), Future.any(hung))
              .compose(either -> hung.stream().filter(Future::isComplete).findFirst()
                  .map(ended -> Future.<Void>failedFuture(new AssertionError(
                      "a run of a hung database ended before the release: " + Runs.describe(ended.result()))))
                  .orElseGet(Future::succeededFuture));
        })
        .compose(inFlight -> sandbox.run(sandbox.tenant("quiet", QUIET, "login"), builtIn.get("login")))
        .compose(quiet -> Future.all(HUNG_DATABASES.stream().map(db -> sandbox.control().release(db)).toList())
            .compose(released -> Future.all(hung))
            .map(all -> quiet))
        .eventually(() -> Future.all(HUNG_DATABASES.stream().map(db -> sandbox.control().release(db)).toList()))
        .onComplete(testContext.succeeding(quiet -> testContext.verify(() -> {
          assertPassed(quiet);
          hung.forEach(run -> assertPassed(run.result()));
          testContext.completeNow();
        })));
  }

  /** The tenant of a database that will hang: the same tenant (and session) each time. */
  private Tenant busyTenant(String db) {
    return sandbox.tenant(db.replace('_', '-'), db, DATABASE_JOURNEYS.toArray(String[]::new));
  }
}
