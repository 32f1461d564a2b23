package dev.vigil.analysis.alert;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Every alert kind has its runbook")
class RunbooksTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(AlertKind.class)
  @DisplayName("runbooks/<kind>.md exists, is titled with the kind and states its severity")
  void runbook(AlertKind kind) throws IOException {
    try (InputStream in = RunbooksTest.class.getResourceAsStream("/runbooks/" + kind.slug() + ".md")) {
      assertNotNull(in, "no runbook for " + kind.slug());
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("# " + kind.slug() + " "), text.lines().findFirst().orElse(""));
      assertTrue(text.contains("**Severity:** " + kind.severity().label()), "severity of " + kind.slug());
    }
  }
}
