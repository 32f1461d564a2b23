package dev.vigil.engine.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Tenant;
import dev.vigil.schedule.RunListener;
import dev.vigil.schedule.RunnerPool;
import dev.vigil.schedule.RunnerVerticle;
import dev.vigil.schedule.ScheduleSettings;
import dev.vigil.schedule.SchedulerVerticle;
import dev.vigil.schedule.TestOwnership;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty browser runs at once on the production engine while the scheduler runs RPC checks:
 * the browser runs all pass, and the RPC runs start on time (Playwright never holds an event loop).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserLoadTest {
  private static final int BROWSER_RUNS = 20;
  private static final int RPC_TENANTS = 5;
  private static final Duration MAX_RPC_LATENESS = Duration.ofSeconds(2);

  @TempDir
  static Path dataDir;
  private static BrowserFixture fixture;
  private static SandboxOdoo sandbox;

  @BeforeAll
  static void start() {
    fixture = new BrowserFixture(dataDir, BROWSER_RUNS);
    sandbox = fixture.sandbox(18);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  @DisplayName("Twenty concurrent browser runs pass while scheduled RPC runs keep their schedule")
  void twentyBrowserRunsBesideRpcSchedule() {
    List<RunResult> rpcRuns = new CopyOnWriteArrayList<>();
    List<Tenant> rpcTenants = IntStream.range(0, RPC_TENANTS)
        .mapToObj(i -> BrowserFixture.tenant("rpc-" + i, sandbox, BrowserFixture.ADMIN, "login")).toList();
    Journey login = BrowserFixture.journey("login");
    ScheduleSettings settings = new ScheduleSettings(64, 2, 100, 3, Duration.ofMinutes(1), Duration.ZERO,
        Duration.ofSeconds(5), BROWSER_RUNS);
    RunnerPool pool = new RunnerPool(fixture.engine.runner());
    SchedulerVerticle scheduler = new SchedulerVerticle(new Catalog(rpcTenants, List.of(login)), pool, settings,
        List.of(new RunListener() {
          @Override
          public void onRunCompleted(RunResult run) {
            rpcRuns.add(run);
          }
        }), new TestOwnership(), InstantSource.system());
    String deployment = BrowserFixture.await(fixture.vertx.deployVerticle(new RunnerVerticle(pool))
        .compose(id -> fixture.vertx.deployVerticle(scheduler)), Duration.ofSeconds(10));

    Journey webLogin = BrowserFixture.journey("web-login");
    List<Future<RunResult>> browserRuns = new ArrayList<>();
    for (int i = 0; i < BROWSER_RUNS; i++) {
      browserRuns.add(fixture.start(BrowserFixture.tenant("web-" + i, sandbox, BrowserFixture.ADMIN, "web-login"), webLogin));
    }
    List<RunResult> browsed = BrowserFixture.await(Future.all(browserRuns), Duration.ofSeconds(120)).list();
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    while (!everyCheckRanTwice(rpcRuns) && System.nanoTime() < deadline) {
      sleep();
    }
    BrowserFixture.await(fixture.vertx.undeploy(deployment), Duration.ofSeconds(20));

    for (RunResult run : browsed) {
      assertEquals(Outcome.PASSED, run.outcome(), run::message);
    }
    assertTrue(everyCheckRanTwice(rpcRuns), "RPC runs per tenant: " + perTenant(rpcRuns));
    for (RunResult run : rpcRuns) {
      assertEquals(Outcome.PASSED, run.outcome(), run::message);
      Duration lateness = Duration.between(run.scheduledAt(), run.startedAt());
      assertTrue(lateness.compareTo(MAX_RPC_LATENESS) < 0, run.tenantId() + " started " + lateness + " late");
    }
  }

  private static boolean everyCheckRanTwice(List<RunResult> runs) {
    Map<String, Long> counts = perTenant(runs);
    return counts.size() == RPC_TENANTS && counts.values().stream().allMatch(n -> n >= 2);
  }

  private static Map<String, Long> perTenant(List<RunResult> runs) {
    return runs.stream().collect(Collectors.groupingBy(RunResult::tenantId, Collectors.counting()));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
