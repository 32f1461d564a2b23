package dev.vigil.engine.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.sandbox.SandboxOdoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code web-invoices} on the sandbox's 16 and 18 web clients, and browser and RPC steps in one journey. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebInvoicesTest {
  @TempDir
  static Path dataDir;
  private static BrowserFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new BrowserFixture(dataDir, 4);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  @DisplayName("web-invoices passes on Odoo 16 (#action URL) and 18 (/odoo/action- URL), each skipping the other's step")
  void webInvoices() {
    for (int version : List.of(16, 18)) {
      SandboxOdoo sandbox = fixture.sandbox(version);
      Tenant tenant = BrowserFixture.tenant("clinic-north", sandbox, BrowserFixture.ADMIN, "web-invoices");
      assertEquals(Outcome.PASSED, fixture.run(tenant, BrowserFixture.journey("seed-invoice")).outcome());

      RunResult run = fixture.run(tenant, BrowserFixture.journey("web-invoices"));

      assertEquals(Outcome.PASSED, run.outcome(), () -> "Odoo " + version + ": " + run.message());
      String skipped = version == 16 ? "open-invoices" : "open-invoices-16-17";
      assertEquals(StepOutcome.SKIPPED, step(run.steps(), skipped).outcome(), "Odoo " + version);
    }
  }

  @Test
  @DisplayName("RPC and browser steps mix in one journey; teardown runs both kinds in the same browser context")
  void mixed() {
    SandboxOdoo sandbox = fixture.sandbox(18);
    Tenant tenant = BrowserFixture.tenant("clinic-north", sandbox, BrowserFixture.ADMIN, "mixed");

    RunResult run = fixture.run(tenant, BrowserFixture.journey("mixed"));

    assertEquals(Outcome.PASSED, run.outcome(), run::message);
    assertTrue(run.teardown().stream().allMatch(step -> step.outcome() == StepOutcome.PASSED), run.teardown()::toString);
    StepResult screenshot = step(run.teardown(), "last-look");
    assertTrue(Files.isRegularFile(dataDir.resolve(screenshot.artifact().orElseThrow())), "teardown screenshot saved");
    assertEquals(0, fixture.engine.browsers().leased(), "the run's context is closed");
  }

  private static StepResult step(List<StepResult> steps, String name) {
    return steps.stream().filter(step -> step.name().equals(name)).findFirst().orElseThrow();
  }
}
