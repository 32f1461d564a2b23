package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(120)
class CliTest {
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));
  private static final String JOURNEYS = PROJECT.resolve("journeys").toString();

  /** What a command printed and returned. */
  record Run(int exitCode, String out, String err) {}

  private static Run vigil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = VigilCommand.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String[] args(String... parts) {
    return parts;
  }

  @Test
  @DisplayName("vigil --version names the tool and the Java runtime")
  void version() {
    Run run = vigil("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("vigil "), run.out());
    assertTrue(run.out().contains("Java "), run.out());
  }

  @Test
  @DisplayName("every command answers --help with its usage")
  void helpEverywhere() {
    for (String command : List.of("validate", "check", "sandbox")) {
      Run run = vigil(command, "--help");
      assertEquals(0, run.exitCode(), command);
      assertTrue(run.out().contains("Usage: vigil " + command), run.out());
    }
  }

  @Test
  @DisplayName("vigil validate accepts the repository's own tenants and journeys")
  void validatesTheRepository() {
    Run run = vigil("validate", PROJECT.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches("valid: \\d+ tenant\\(s\\), \\d+ journey\\(s\\)\\s*"), run.out());
  }

  @Test
  @DisplayName("vigil validate lists every problem of a folder of broken files with file and line, and exits 1")
  void listsEveryProblem(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("broken-journey.yaml"), String.join("\n",
        "id: Broken Id",
        "description: two problems here",
        "steps:",
        "  - name: first",
        "    login: {}",
        "    timeout: 5 minutes",
        ""));
    Files.writeString(dir.resolve("clinic.yaml"), String.join("\n",
        "name: Clinic",
        "odoo:",
        "  url: http://127.0.0.1:8069",
        "  database: clinic",
        "  login: admin",
        "  password: hunter2",
        "journeys:",
        "  - {id: no-such-journey}",
        ""));
    Run run = vigil("validate", dir.toString());
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.err().contains("broken-journey.yaml:1:"), run.err());
    assertTrue(run.err().contains("broken-journey.yaml:6:"), run.err());
    assertTrue(run.err().contains("clinic.yaml:6:"), run.err());
    assertTrue(run.err().contains("clinic.yaml:8:"), run.err());
    assertFalse(run.err().contains("hunter2"), "a secret written inline is never echoed");
  }

  @Test
  @DisplayName("vigil check runs a journey against a built-in sandbox, prints the step table and exits 0")
  void checksAgainstTheSandbox() {
    Run run = vigil("check", "--sandbox", "16", "--journey", "invoice-posting", "--journeys", JOURNEYS);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("journey invoice-posting"), run.out());
    assertTrue(run.out().contains("Odoo 16"), run.out());
    assertTrue(run.out().matches("(?s).*post-invoice\\s+PASSED\\s+\\d+.*"), run.out());
    assertTrue(run.out().contains("-- teardown"), run.out());
    assertTrue(run.out().contains("PASSED in "), run.out());
  }

  @Test
  @DisplayName("vigil check without a target, or with two, is a usage error (exit 2)")
  void needsExactlyOneTarget() {
    assertEquals(2, vigil("check", "--journey", "login", "--journeys", JOURNEYS).exitCode());
    Run two = vigil("check", "--journey", "login", "--sandbox", "18", "--tenant", "clinic-north", "--journeys", JOURNEYS);
    assertEquals(2, two.exitCode());
    assertTrue(two.err().contains("exactly one target"), two.err());
  }

  @Test
  @DisplayName("vigil check names the known journeys when asked for an unknown one (exit 2)")
  void unknownJourney() {
    Run run = vigil("check", "--sandbox", "18", "--journey", "no-such", "--journeys", JOURNEYS);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no journey 'no-such'"), run.err());
    assertTrue(run.err().contains("invoice-posting"), run.err());
  }

  @Test
  @DisplayName("vigil check says which environment variable is missing, without running (exit 2)")
  void missingPasswordVariable() {
    Run run = vigil("check", "--journey", "login", "--journeys", JOURNEYS, "--base-url", "http://127.0.0.1:9",
        "--db", "clinic", "--password-env", "VIGIL_TEST_SURELY_UNSET_VARIABLE");
    assertEquals(2, run.exitCode(), run.out());
    assertTrue(run.err().contains("VIGIL_TEST_SURELY_UNSET_VARIABLE is not set"), run.err());
  }

  @Test
  @DisplayName("vigil check exits 3 when the Odoo server cannot be reached, and never prints the password")
  void unreachableOdoo(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("password");
    Files.writeString(secret, "s3cret-value\n");
    Run run = vigil("check", "--journey", "login", "--journeys", JOURNEYS, "--base-url",
        "http://127.0.0.1:" + closedPort(), "--db", "clinic", "--password-file", secret.toString());
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("CONNECTION"), run.out());
    assertFalse((run.out() + run.err()).contains("s3cret-value"));
  }

  @Test
  @DisplayName("vigil check exits 3 when the login is refused")
  void refusedLogin(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("password");
    Files.writeString(secret, "not-the-password\n");
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      var sandbox = Waiting.forResult(dev.vigil.sandbox.SandboxOdoo.start(vertx,
          dev.vigil.sandbox.SandboxConfig.defaults(18, "clinic").withLatencyScale(0)), java.time.Duration.ofSeconds(30));
      Run run = vigil(args("check", "--journey", "login", "--journeys", JOURNEYS, "--base-url", sandbox.baseUrl(),
          "--db", "clinic", "--password-file", secret.toString()));
      assertEquals(3, run.exitCode(), run.out() + run.err());
      assertTrue(run.out().contains("AUTH"), run.out());
      assertFalse(run.out().contains("not-the-password"));
    } finally {
      vertx.close();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  @DisplayName("vigil sandbox exits 3 when its port is taken")
  void sandboxPortTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run = vigil("sandbox", "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(3, run.exitCode(), run.out());
      assertTrue(run.err().contains("cannot start"), run.err());
    }
  }

  @Test
  @DisplayName("vigil run refuses to start, listing every problem of its settings (exit 2)")
  void runRefusesBadSettings() {
    Run run = vigil("run", "--http-port", "not-a-port", "--max-runs-per-tenant", "0", "--tenants", "/no/such/folder");
    assertEquals(2, run.exitCode(), run.out());
    assertTrue(run.err().contains("--http-port"), run.err());
    assertTrue(run.err().contains("--max-runs-per-tenant"), run.err());
    assertTrue(run.err().contains("not started"), run.err());
  }

  @Test
  @DisplayName("vigil sandbox refuses an invalid configuration with every problem (exit 2)")
  void sandboxRefusesBadConfig() {
    List<String> args = new ArrayList<>(List.of("sandbox", "--version", "15", "--workers", "0", "--port", "0"));
    Run run = vigil(args.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.out());
    assertTrue(run.err().lines().count() >= 2, run.err());
  }
}
