package dev.vigil.schedule;

import static dev.vigil.schedule.MonitorFixture.settings;
import static dev.vigil.schedule.MonitorFixture.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.MaintenanceWindow;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.Tenant;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class SchedulerVerticleTest {
  private static final Duration SECONDS_10 = Duration.ofSeconds(10);
  private MonitorFixture fixture;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    fixture = new MonitorFixture(vertx);
  }

  @Test
  @DisplayName("runs are due on the tenant's grid, one interval apart, without drift")
  void gridWithoutDrift(Vertx vertx, VertxTestContext test) {
    Duration interval = Duration.ofMillis(300);
    MonitorFixture.sandbox(vertx, 18, "a", 0)
        .compose(odoo -> fixture.start(fixture.catalog(tenant("a", odoo.baseUrl(), "a", interval, "login")), settings(8, 2)))
        .compose(ok -> fixture.until(() -> fixture.recorder.runs.size() >= 6, SECONDS_10, "six runs"))
        .onComplete(test.succeeding(ok -> test.verify(() -> {
          long phase = Cadence.of(new CheckKey("a", "login"), interval).phaseMillis();
          List<RunResult> runs = fixture.recorder.runs.subList(0, 6);
          for (int i = 0; i < runs.size(); i++) {
            assertEquals(Outcome.PASSED, runs.get(i).outcome(), runs.get(i).message());
            assertEquals(phase, Math.floorMod(runs.get(i).scheduledAt().toEpochMilli(), interval.toMillis()));
            if (i > 0) {
              assertEquals(interval, Duration.between(runs.get(i - 1).scheduledAt(), runs.get(i).scheduledAt()));
            }
          }
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("while a run is still going, the next due run of the same check is skipped and counted, not piled up")
  void noPileUp(Vertx vertx, VertxTestContext test) {
    MonitorFixture.sandbox(vertx, 18, "slow", 0).compose(odoo -> odoo.control().hang("slow")
            .compose(ok -> fixture.start(fixture.catalog(tenant("slow", odoo.baseUrl(), "slow", Duration.ofMillis(100), "login")), settings(8, 4)))
            .compose(deployed -> fixture.until(() -> fixture.recorder.skips.size() >= 5, SECONDS_10, "skips")
                .map(ok -> {
                  test.verify(() -> {
                    assertEquals(1, deployed.scheduler().runsInFlight(), "one run of the check at a time");
                    assertTrue(fixture.recorder.skips.stream().allMatch(s -> s.equals("slow/login:PREVIOUS_RUN_ACTIVE")),
                        fixture.recorder.skips.toString());
                  });
                  return ok;
                }))
            .compose(ok -> odoo.control().release("slow")))
        .compose(ok -> fixture.until(() -> !fixture.recorder.runs.isEmpty(), SECONDS_10, "the hung run to finish"))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("a tenant whose Odoo hangs holds only its own slots and does not delay another tenant's runs")
  void hungTenantIsIsolated(Vertx vertx, VertxTestContext test) {
    Duration interval = Duration.ofMillis(200);
    SandboxOdoo[] servers = new SandboxOdoo[2];
    MonitorFixture.sandbox(vertx, 18, "hung", 0)
        .compose(hung -> {
          servers[0] = hung;
          return hung.control().hang("hung").compose(ok -> MonitorFixture.sandbox(vertx, 18, "fine", 0));
        })
        .compose(fine -> {
          servers[1] = fine;
          Tenant hungTenant = tenant("hung", servers[0].baseUrl(), "hung", interval, "login", "invoice-posting", "stock-move");
          Tenant fineTenant = tenant("fine", fine.baseUrl(), "fine", interval, "login");
          return fixture.start(fixture.catalog(hungTenant, fineTenant), settings(3, 2));
        })
        .compose(deployed -> fixture.until(() -> fixture.recorder.runsOf("fine").size() >= 10, SECONDS_10, "ten runs of the fine tenant")
            .map(ok -> deployed))
        .onComplete(test.succeeding(deployed -> test.verify(() -> {
          List<RunResult> fine = fixture.recorder.runsOf("fine");
          long worstLateness = fine.stream()
              .mapToLong(r -> Duration.between(r.scheduledAt(), r.startedAt()).toMillis()).max().orElseThrow();
          System.out.printf("fine tenant: %d runs, worst lateness %d ms while the hung tenant held its slots%n",
              fine.size(), worstLateness);
          assertTrue(fine.stream().allMatch(r -> r.outcome() == Outcome.PASSED));
          assertTrue(fixture.recorder.runsOf("hung").isEmpty(), "the hung tenant's runs are still hanging");
          assertTrue(fixture.recorder.skips.contains("hung/stock-move:TENANT_AT_CAPACITY")
              || fixture.recorder.skips.contains("hung/invoice-posting:TENANT_AT_CAPACITY")
              || fixture.recorder.skips.contains("hung/login:TENANT_AT_CAPACITY"), fixture.recorder.skips.toString());
          assertTrue(fixture.recorder.skips.stream().noneMatch(s -> s.startsWith("fine/")), fixture.recorder.skips.toString());
          // had the fine tenant waited behind the hung one, it would have started seconds late
          assertTrue(worstLateness < interval.toMillis() * 2, "worst lateness " + worstLateness + " ms");
          servers[0].control().release("hung");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("repeated transport faults open a tenant's circuit (DOWN, probed slowly); an answer closes it")
  void circuitOpensAndCloses(Vertx vertx, VertxTestContext test) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Tenant unreachable = tenant("gone", "http://127.0.0.1:" + port, "gone", Duration.ofMillis(100), "login");
    fixture.start(fixture.catalog(unreachable), settings(8, 2))
        .compose(deployed -> fixture.until(() -> deployed.scheduler().openCircuits().contains("gone")
                && fixture.recorder.skips.contains("gone/login:CIRCUIT_OPEN"), SECONDS_10, "an open circuit")
            .map(ok -> {
              test.verify(() -> {
                assertEquals(Status.DOWN, deployed.scheduler().statuses().get(new CheckKey("gone", "login")));
                assertTrue(fixture.recorder.runs.stream().allMatch(r -> r.errorClass().map(Enum::name).orElse("").equals("CONNECTION")));
              });
              return deployed;
            }))
        .compose(deployed -> SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "gone").withPort(port).withLatencyScale(0))
            .compose(odoo -> fixture.until(() -> deployed.scheduler().openCircuits().isEmpty()
                && deployed.scheduler().statuses().get(new CheckKey("gone", "login")) == Status.UP, SECONDS_10, "the circuit to close")))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("a first failure is PENDING and retried at once; a failed retry makes it DOWN; recovery makes it UP")
  void pendingIsConfirmedByAnImmediateRetry(Vertx vertx, VertxTestContext test) {
    Duration interval = Duration.ofSeconds(3);
    CheckKey check = new CheckKey("flaky", "login");
    MonitorFixture.sandbox(vertx, 18, "flaky", 0).compose(odoo -> odoo.control().setDown("flaky", true)
            .compose(ok -> fixture.start(fixture.catalog(tenant("flaky", odoo.baseUrl(), "flaky", interval, "login")), settings(8, 2)))
            .compose(deployed -> fixture.until(() -> fixture.recorder.changes.size() >= 2, SECONDS_10, "PENDING then DOWN"))
            .map(ok -> {
              test.verify(() -> {
                List<RunResult> runs = fixture.recorder.runs;
                assertEquals(2, runs.size(), "the failure and its retry");
                long phase = Cadence.of(check, interval).phaseMillis();
                assertEquals(phase, Math.floorMod(runs.get(0).scheduledAt().toEpochMilli(), interval.toMillis()));
                assertTrue(Duration.between(runs.get(0).scheduledAt(), runs.get(1).scheduledAt()).compareTo(interval) < 0,
                    "the retry did not wait for the next interval");
              });
              return ok;
            })
            .compose(ok -> odoo.control().setDown("flaky", false)))
        .compose(ok -> fixture.until(() -> fixture.recorder.changes.size() >= 3, SECONDS_10, "recovery"))
        .onComplete(test.succeeding(ok -> test.verify(() -> {
          List<StatusChange> changes = fixture.recorder.changes;
          assertEquals(null, changes.get(0).from());
          assertEquals(List.of(Status.PENDING, Status.DOWN, Status.UP), changes.stream().map(StatusChange::to).toList());
          assertTrue(changes.get(1).reason().contains("SERVER_ERROR") || changes.get(1).reason().contains("psycopg2"),
              changes.get(1).reason());
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("failures inside a maintenance window make the check MAINTENANCE, not DOWN, without retries")
  void maintenanceSuppressesDown(Vertx vertx, VertxTestContext test) {
    Instant now = Instant.now();
    List<MaintenanceWindow> window = List.of(new MaintenanceWindow.OneOff(now.minusSeconds(3600), now.plusSeconds(3600), "upgrade"));
    MonitorFixture.sandbox(vertx, 18, "upgrading", 0).compose(odoo -> odoo.control().setDown("upgrading", true)
            .compose(ok -> fixture.start(fixture.catalog(
                tenant("upgrading", odoo.baseUrl(), "upgrading", Duration.ofMillis(200), window, "login")), settings(8, 2))))
        .compose(deployed -> fixture.until(() -> fixture.recorder.runs.size() >= 3, SECONDS_10, "three failing runs"))
        .onComplete(test.succeeding(ok -> test.verify(() -> {
          assertTrue(fixture.recorder.runs.stream().allMatch(r -> r.outcome() == Outcome.ERRORED));
          assertEquals(List.of(Status.MAINTENANCE), fixture.recorder.changes.stream().map(StatusChange::to).toList());
          long phase = Cadence.of(new CheckKey("upgrading", "login"), Duration.ofMillis(200)).phaseMillis();
          assertTrue(fixture.recorder.runs.stream()
              .allMatch(r -> Math.floorMod(r.scheduledAt().toEpochMilli(), 200) == phase), "no off-grid retries");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a new catalog swapped in starts new checks and stops removed ones, without disturbing the rest")
  void reloadSwapsChecks(Vertx vertx, VertxTestContext test) {
    Duration interval = Duration.ofMillis(100);
    MonitorFixture.sandbox(vertx, 18, "a", 0).compose(odoo -> {
      Tenant a = tenant("a", odoo.baseUrl(), "a", interval, "login");
      Tenant b = tenant("b", odoo.baseUrl(), "a", interval, "login");
      return fixture.start(fixture.catalog(a), settings(8, 2))
          .compose(deployed -> fixture.until(() -> fixture.recorder.runsOf("a").size() >= 2, SECONDS_10, "runs of a")
              .compose(ok -> deployed.scheduler().swap(fixture.catalog(a, b)))
              .compose(ok -> fixture.until(() -> fixture.recorder.runsOf("b").size() >= 2, SECONDS_10, "runs of b"))
              .compose(ok -> deployed.scheduler().swap(fixture.catalog(b)))
              .compose(ok -> fixture.pause(Duration.ofMillis(300)))
              .map(ok -> fixture.recorder.runsOf("a").size())
              .compose(runsOfA -> fixture.pause(Duration.ofMillis(500)).map(ok -> {
                test.verify(() -> {
                  assertEquals(runsOfA, fixture.recorder.runsOf("a").size(), "a stopped after it was removed");
                  assertEquals(Map.of(new CheckKey("b", "login"), Status.UP), deployed.scheduler().statuses());
                });
                return ok;
              })));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("on shutdown, a run in flight is cut short and its teardown still cleans up")
  void gracefulShutdownRunsTeardown(Vertx vertx, VertxTestContext test) throws Exception {
    ScheduleSettings quickGrace = new ScheduleSettings(8, 2, 100, 3, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(200), 8);
    fixture = new MonitorFixture(vertx, MonitorFixture.TEST_JOURNEYS);
    List<Object> synthetic = List.of(List.of(List.of("ref", "like", "synthetic-check")));
    MonitorFixture.sandbox(vertx, 18, "books", 0).compose(odoo -> {
      Tenant books = tenant("books", odoo.baseUrl(), "books", Duration.ofSeconds(2), "invoice-then-wait");
      var odooClient = fixture.engine.odooClients().forTenant(books);
      return fixture.start(fixture.catalog(books), quickGrace)
          .compose(deployed -> fixture.until(() -> deployed.scheduler().runsInFlight() == 1, SECONDS_10, "a run in flight")
              .compose(ok -> waitForInvoice(odooClient, synthetic))
              .compose(ok -> vertx.undeploy(deployed.id())))
          .compose(ok -> odooClient.call("account.move", "search_count", synthetic, Map.of(), Duration.ofSeconds(5)));
    }).onComplete(test.succeeding(invoicesLeft -> test.verify(() -> {
      assertEquals(1, fixture.recorder.runs.size());
      RunResult run = fixture.recorder.runs.get(0);
      assertEquals(Outcome.TIMED_OUT, run.outcome(), run.message());
      assertTrue(run.message().contains("shutting down"), run.message());
      assertEquals("PASSED", run.teardown().get(0).outcome().name(), run.teardown().toString());
      assertEquals(0, ((Number) invoicesLeft).intValue(), "no synthetic invoice left behind");
      test.completeNow();
    })));
  }

  private io.vertx.core.Future<Void> waitForInvoice(dev.vigil.odoo.OdooClient odoo, List<Object> synthetic) {
    return odoo.call("account.move", "search_count", synthetic, Map.of(), Duration.ofSeconds(5))
        .compose(count -> ((Number) count).intValue() > 0
            ? io.vertx.core.Future.succeededFuture()
            : fixture.pause(Duration.ofMillis(50)).compose(ok -> waitForInvoice(odoo, synthetic)));
  }
}
