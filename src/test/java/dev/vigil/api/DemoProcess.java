package dev.vigil.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vigil demo} in a child JVM, as a newcomer runs it: sandbox Odoo servers, the monitor,
 * the API and the dashboard on an ephemeral port. Reads what the demo prints — the URL, the
 * number of checks, and one token per role, in either of two layouts:
 *
 * <pre>
 * vigil demo: monitoring 22 checks of 5 tenants; metrics on http://127.0.0.1:41234/metrics; …
 * token tenant-admin (clinic-north): vgl_…
 * token platform: vgl_…
 * </pre>
 * or
 * <pre>
 * API tokens for this demo (new at each start, shown only here):
 *   tenant-admin  vgl_…  (tenant clinic-east)
 *   platform      vgl_…
 * </pre>
 *
 * The demo's output is copied to a log file with tokens masked. Blocking: call from the test thread.
 */
final class DemoProcess implements AutoCloseable {
  private static final Pattern TOKEN =
      Pattern.compile("^token (tenant-admin|platform|gate)(?: \\(([^)]+)\\))?: (vgl_[A-Za-z0-9_-]+)\\s*$");
  private static final Pattern TOKEN_TABLE =
      Pattern.compile("^\\s+(tenant-admin|platform|gate)\\s+(vgl_[A-Za-z0-9_-]+)(?:\\s+\\(tenant ([^)]+)\\))?\\s*$");
  private static final Pattern MONITORING =
      Pattern.compile("^vigil demo: monitoring (\\d+) checks of (\\d+) tenants;.*?(http://[^/\\s]+)/");
  private static final Pattern ANY_TOKEN = Pattern.compile("vgl_[A-Za-z0-9_-]+");
  private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

  /** A role's token; {@code tenant} is set for a tenant admin. */
  record Token(String role, Optional<String> tenant, String value) {
    @Override
    public String toString() {
      return "token " + role + tenant.map(t -> " (" + t + ")").orElse("") + ": vgl_…";
    }
  }

  private final Process process;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final List<String> output = new ArrayList<>();
  private volatile String baseUrl;
  private volatile int checks;

  private DemoProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts the demo on a free port with its files in {@code dataDir}, and waits until it monitors
   * and has printed its URL and a tenant admin and a platform token.
   *
   * @throws AssertionError with the demo's output when it does not get there within {@code limit}
   */
  static DemoProcess start(Path projectDir, Path dataDir, Path browser, Path log, Duration limit) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dvigil.buildDir=" + System.getProperty("vigil.buildDir", "target"),
        "dev.vigil.Main", "demo", "--http-port", "0", "--data-dir", dataDir.toString(),
        "--browser-path", browser.toString()))
        .directory(projectDir.toFile())
        .redirectErrorStream(true)
        .start();
    DemoProcess demo = new DemoProcess(process);
    Thread reader = new Thread(() -> demo.read(log), "demo-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + limit.toNanos();
    while (!demo.ready()) {
      if (!process.isAlive()) {
        throw new AssertionError("vigil demo ended with exit code " + process.exitValue() + ":\n" + demo.output());
      }
      if (System.nanoTime() > deadline) {
        demo.close();
        throw new AssertionError("vigil demo did not print its URL and tokens within " + limit.toSeconds() + " s:\n"
            + demo.output());
      }
      sleep(200);
    }
    return demo;
  }

  private boolean ready() {
    return baseUrl != null && tokens.containsKey("tenant-admin") && tokens.containsKey("platform");
  }

  private void read(Path log) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String masked = ANY_TOKEN.matcher(line).replaceAll("vgl_…");
        copy.println(masked);
        synchronized (output) {
          output.add(masked);
        }
        Matcher token = TOKEN.matcher(line);
        if (token.matches()) {
          tokens.putIfAbsent(token.group(1), new Token(token.group(1), Optional.ofNullable(token.group(2)), token.group(3)));
        }
        Matcher row = TOKEN_TABLE.matcher(line);
        if (row.matches()) {
          tokens.putIfAbsent(row.group(1), new Token(row.group(1), Optional.ofNullable(row.group(3)), row.group(2)));
        }
        Matcher monitoring = MONITORING.matcher(line);
        if (monitoring.find()) {
          checks = Integer.parseInt(monitoring.group(1));
          baseUrl = monitoring.group(3);
        }
      }
    } catch (IOException e) {
      synchronized (output) {
        output.add("(reading the demo's output failed: " + e + ")");
      }
    }
  }

  /** Scheme, host and port of the demo's HTTP server, e.g. {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    return baseUrl;
  }

  /** How many tenant × journey checks the demo monitors. */
  int checks() {
    return checks;
  }

  Token token(String role) {
    return tokens.get(role);
  }

  /** What the demo printed so far, tokens masked. */
  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** SIGTERM, as Ctrl-C: the demo stops its runs, stores and sandboxes; killed if it takes too long. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
