package dev.vigil.engine.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A killed browser: the run using it ends ERRORED at once, the next run gets a new browser. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrowserRecoveryTest {
  @TempDir
  static Path dataDir;
  private static BrowserFixture fixture;
  private static SandboxOdoo sandbox;

  @BeforeAll
  static void start() {
    fixture = new BrowserFixture(dataDir, 2);
    sandbox = fixture.sandbox(18);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  @DisplayName("A browser killed during a run ends that run ERRORED (BROWSER) without waiting out its step, and is replaced for the next run")
  void killedBrowserIsReplaced() throws Exception {
    Tenant tenant = BrowserFixture.tenant("clinic-north", sandbox, BrowserFixture.ADMIN, "web-login");
    RunResult first = fixture.run(tenant, BrowserFixture.journey("web-login"));
    assertEquals(Outcome.PASSED, first.outcome(), first::toString);

    Future<RunResult> waiting = fixture.start(tenant, BrowserFixture.journey("wait-long"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (fixture.engine.browsers().leased() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(1_000);
    List<ProcessHandle> browsers = fixture.engine.browsers().browserProcesses();
    assertFalse(browsers.isEmpty(), "no browser process found");
    long killedAt = System.nanoTime();
    browsers.forEach(ProcessHandle::destroyForcibly);

    RunResult killed = BrowserFixture.await(waiting, Duration.ofSeconds(40));
    Duration tookAfterKill = Duration.ofNanos(System.nanoTime() - killedAt);
    assertEquals(Outcome.ERRORED, killed.outcome(), killed::message);
    StepResult step = killed.steps().get(1);
    assertEquals("wait-long", step.name());
    assertEquals(Optional.of(ErrorClass.BROWSER), step.errorClass(), step::message);
    assertTrue(tookAfterKill.compareTo(Duration.ofSeconds(15)) < 0, "ended " + tookAfterKill + " after the kill");

    RunResult next = fixture.run(tenant, BrowserFixture.journey("web-login"));
    assertEquals(Outcome.PASSED, next.outcome(), next::message);
    assertEquals(0, fixture.engine.browsers().leased(), "contexts still leased after the runs ended");
  }
}
