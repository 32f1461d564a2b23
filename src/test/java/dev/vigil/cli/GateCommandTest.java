package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.gate.GateReports;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(120)
@DisplayName("vigil gate against the sandbox Odoo")
class GateCommandTest {
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));
  private static final String JOURNEYS = PROJECT.resolve("journeys").toString();
  private static final String ADMIN_PASSWORD = "gate-Adm1n-pw-7x";

  static Vertx vertx;
  static SandboxOdoo fast;

  @TempDir static Path dir;
  static Path passwordFile;

  /** What a command printed and returned. */
  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void startSandbox() throws Exception {
    vertx = Vertx.vertx();
    fast = Waiting.forResult(SandboxOdoo.start(vertx,
        SandboxConfig.defaults(18, "clinic").withLatencyScale(0).withPasswords(ADMIN_PASSWORD, "demo")), Duration.ofSeconds(30));
    passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, ADMIN_PASSWORD + "\n");
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static Run vigil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = VigilCommand.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path tenantsFolder(String baseUrl) throws IOException {
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    Files.writeString(tenants.resolve("gate-clinic.yaml"), String.join("\n",
        "name: Gate Clinic",
        "odoo:",
        "  url: " + baseUrl,
        "  database: clinic",
        "  login: admin",
        "  password: {file: " + passwordFile + "}",
        "journeys:",
        "  - {id: login, interval: 60s, budget: 5s}",
        "  - {id: health, interval: 30s}",
        ""));
    return tenants;
  }

  @Test
  @DisplayName("a healthy tenant passes the default thresholds (success, p95 within budget): exit 0, valid JUnit and JSON")
  void healthyTarget() throws IOException {
    Path junit = dir.resolve("healthy.xml");
    Path json = dir.resolve("healthy.json");
    Run run = vigil("gate", "--tenant", "gate-clinic", "--journey", "login", "--journey", "health",
        "--runs", "3", "--concurrency", "2", "--junit", junit.toString(), "--json", json.toString(),
        "--tenants", tenantsFolder(fast.baseUrl()).toString(), "--journeys", JOURNEYS);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("run 6/6 "), run.out());
    assertTrue(run.out().contains("gate-clinic/login runs=3 passed=3"), run.out());
    assertTrue(run.out().contains("threshold gate-clinic/login met login:p95<=5000ms"), run.out());
    assertTrue(run.out().contains("gate PASSED"), run.out());
    GateReports.assertValidJunit(Files.readString(junit));
    GateReports.assertValidJson(Files.readString(json));
    JsonObject report = new JsonObject(Files.readString(json));
    assertTrue(report.getBoolean("passed"));
    assertEquals(2, report.getJsonArray("journeys").size());
    assertEquals("budget", report.getJsonArray("journeys").getJsonObject(0).getJsonArray("thresholds")
        .getJsonObject(1).getString("origin"));
    assertFalse(run.out().contains(ADMIN_PASSWORD));
  }

  @Test
  @DisplayName("a slowed target fails the latency threshold: exit 1, naming it; the reports carry the failure")
  void slowedTarget() throws Exception {
    SandboxOdoo slow = Waiting.forResult(SandboxOdoo.start(vertx,
        SandboxConfig.defaults(18, "clinic").withPasswords(ADMIN_PASSWORD, "demo")), Duration.ofSeconds(30));
    Waiting.forResult(slow.control().setLatencyMultiplier("clinic", 4), Duration.ofSeconds(5));
    Path junit = dir.resolve("slow.xml");
    Path json = dir.resolve("slow.json");
    Run run = vigil("gate", "--journey", "login", "--base-url", slow.baseUrl(), "--db", "clinic",
        "--password-file", passwordFile.toString(), "--threshold", "login:p95<800ms", "--threshold", "success>=100%",
        "--junit", junit.toString(), "--json", json.toString(), "--journeys", JOURNEYS);
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("gate FAILED: threshold(s) not met: cli-target/login login:p95<800ms (actual "),
        run.out());
    String xml = Files.readString(junit);
    GateReports.assertValidJunit(xml);
    assertTrue(xml.contains("<failure type=\"threshold\" message=\"login:p95&lt;800ms (actual "), xml);
    GateReports.assertValidJson(Files.readString(json));
    JsonObject report = new JsonObject(Files.readString(json));
    assertEquals("FAILED", report.getString("verdict"));
    assertEquals(1, report.getInteger("exitCode"));
  }

  @Test
  @DisplayName("a broken threshold, a threshold on a journey not run, or a zero concurrency: exit 2 with every problem")
  void brokenConfig() {
    Run run = vigil("gate", "--journey", "login", "--base-url", fast.baseUrl(), "--db", "clinic",
        "--password-file", passwordFile.toString(), "--threshold", "login:p95<<800", "--threshold",
        "invoice-posting:p95<1s", "--concurrency", "0", "--journeys", JOURNEYS);
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("threshold 'login:p95<<800'"), run.err());
    assertTrue(run.err().contains("names journey 'invoice-posting', which this gate does not run"), run.err());
    assertTrue(run.err().contains("concurrency must be from 1 to 64, not 0"), run.err());
    assertEquals("", run.out());
  }

  @Test
  @DisplayName("no target, or an unknown journey or tenant: exit 2")
  void badTargets() throws IOException {
    assertEquals(2, vigil("gate", "--journey", "login", "--journeys", JOURNEYS).exitCode());
    Run journey = vigil("gate", "--journey", "no-such", "--base-url", fast.baseUrl(), "--db", "clinic",
        "--password-file", passwordFile.toString(), "--journeys", JOURNEYS);
    assertEquals(2, journey.exitCode());
    assertTrue(journey.err().contains("no journey 'no-such'"), journey.err());
    Run tenant = vigil("gate", "--tenant", "nobody", "--journey", "login",
        "--tenants", tenantsFolder(fast.baseUrl()).toString(), "--journeys", JOURNEYS);
    assertEquals(2, tenant.exitCode());
    assertTrue(tenant.err().contains("no tenant 'nobody' (known: gate-clinic)"), tenant.err());
  }

  @Test
  @DisplayName("an unreachable target: exit 3 (the gate is broken), not 1; the JSON says CANNOT_RUN")
  void unreachableTarget() throws IOException {
    Path json = dir.resolve("unreachable.json");
    Run run = vigil("gate", "--journey", "login", "--runs", "2", "--base-url", "http://127.0.0.1:" + closedPort(),
        "--db", "clinic", "--password-file", passwordFile.toString(), "--json", json.toString(), "--journeys", JOURNEYS);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("gate CANNOT_RUN: could not run: cli-target/login: CONNECTION"), run.out());
    GateReports.assertValidJson(Files.readString(json));
    assertEquals("CANNOT_RUN", new JsonObject(Files.readString(json)).getString("verdict"));
  }

  @Test
  @DisplayName("a refused login: exit 3, and the password never shows")
  void refusedLogin() throws IOException {
    Path wrong = dir.resolve("wrong-password");
    Files.writeString(wrong, "not-the-Gate-pw\n");
    Run run = vigil("gate", "--journey", "login", "--base-url", fast.baseUrl(), "--db", "clinic",
        "--password-file", wrong.toString(), "--journeys", JOURNEYS);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("AUTH"), run.out());
    assertFalse((run.out() + run.err()).contains("not-the-Gate-pw"));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
