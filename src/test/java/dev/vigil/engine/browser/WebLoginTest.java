package dev.vigil.engine.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.sandbox.SandboxOdoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web-login} journey in a real Chromium against the sandbox Odoo 18. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebLoginTest {
  @TempDir
  static Path dataDir;
  private static BrowserFixture fixture;
  private static SandboxOdoo sandbox;

  @BeforeAll
  static void start() {
    fixture = new BrowserFixture(dataDir, 4);
    sandbox = fixture.sandbox(18);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  @DisplayName("web-login passes on the sandbox, with the browser's navigation timings on the page's step")
  void passes() {
    RunResult run = fixture.run(BrowserFixture.tenant("clinic-north", sandbox, BrowserFixture.ADMIN, "web-login"),
        BrowserFixture.journey("web-login"));

    assertEquals(Outcome.PASSED, run.outcome(), run::message);
    assertEquals(List.of("open-login", "fill-login", "fill-password", "submit", "web-client"),
        run.steps().stream().map(StepResult::name).toList());
    StepResult open = run.steps().get(0);
    assertTrue(open.timings().keySet().containsAll(List.of("ttfb", "domContentLoaded", "load")), open.timings()::toString);
    assertTrue(open.timings().get("ttfb") <= open.timings().get("load"), open.timings()::toString);
    assertFalse(run.toString().contains(BrowserFixture.ADMIN_PASSWORD), "the password shows in the result");
  }

  @Test
  @DisplayName("A wrong password fails at the step waiting for the web client, quoting Odoo's alert, with a screenshot saved")
  void wrongPassword() throws Exception {
    RunResult run = fixture.run(BrowserFixture.tenant("clinic-north", sandbox, BrowserFixture.WRONG, "web-login"),
        BrowserFixture.journey("web-login"));

    assertEquals(Outcome.FAILED, run.outcome(), run::message);
    StepResult failed = run.steps().get(4);
    assertEquals("web-client", failed.name());
    assertEquals(StepOutcome.FAILED, failed.outcome());
    assertEquals(Optional.of(ErrorClass.ASSERTION), failed.errorClass());
    assertTrue(failed.message().contains("form.oe_login_form .alert-danger"), failed.message());
    assertTrue(failed.message().contains("Wrong login/password"), failed.message());
    assertEquals(Optional.of("artifacts/" + run.runId() + "/web-client.png"), failed.artifact());
    byte[] png = Files.readAllBytes(dataDir.resolve(failed.artifact().get()));
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG screenshot");
    assertFalse(run.toString().contains(BrowserFixture.WRONG_PASSWORD), "the password shows in the result");
  }
}
