package dev.vigil.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code vigil run} in its own JVM, as an operator starts it: the generated catalog, a free port
 * for {@code /metrics}, per-run log lines silenced (only failures are logged). Scrapes go to files
 * because a scrape of thousands of tenants is hundreds of megabytes.
 */
final class VigilProcess implements AutoCloseable {
  private static final Duration SCRAPE_TIMEOUT = Duration.ofMinutes(5);

  private final ChildProcess child;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private VigilProcess(ChildProcess child, int port) {
    this.child = child;
    this.port = port;
  }

  /**
   * Starts {@code java [jvmArgs] -jar jar run ...}.
   *
   * @param maxRunsInFlight passed as {@code --max-runs-in-flight} when above 0, else Vigil's default
   */
  static VigilProcess start(Path jar, Path tenants, Path journeys, Path dataDir, Path log, List<String> jvmArgs,
      int maxRunsInFlight, Map<String, String> environment) throws IOException {
    int port = freePort();
    List<String> arguments = new ArrayList<>(jvmArgs);
    arguments.addAll(List.of(
        "-Dorg.slf4j.simpleLogger.log.dev.vigil.schedule.RunLogger=warn",
        "-jar", jar.toString(), "run",
        "--tenants", tenants.toString(),
        "--journeys", journeys.toString(),
        "--http-port", Integer.toString(port),
        "--data-dir", dataDir.toString()));
    if (maxRunsInFlight > 0) {
      arguments.addAll(List.of("--max-runs-in-flight", Integer.toString(maxRunsInFlight)));
    }
    return new VigilProcess(ChildProcess.startJava("vigil run", arguments, environment, log), port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  long pid() {
    return child.pid();
  }

  ChildProcess child() {
    return child;
  }

  /** Waits until {@code /metrics} answers 200, failing at once if Vigil exits. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      child.requireAlive();
      try {
        HttpResponse<Void> response = http.send(metricsRequest(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new BenchmarkFailure("vigil run did not serve /metrics within " + timeout.toSeconds() + " s:\n"
        + child.logTail(30));
  }

  /** Writes a scrape of {@code /metrics} (uncompressed) to {@code file}. */
  void scrape(Path file) throws IOException, InterruptedException {
    child.requireAlive();
    HttpResponse<Path> response = http.send(metricsRequest(), HttpResponse.BodyHandlers.ofFile(file));
    if (response.statusCode() != 200) {
      throw new BenchmarkFailure("/metrics answered " + response.statusCode());
    }
  }

  private HttpRequest metricsRequest() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(SCRAPE_TIMEOUT).GET()
        .build();
  }

  /** SIGTERM, then waits for the graceful shutdown; the exit code, or -1 when it had to be killed. */
  int stop(Duration timeout) throws InterruptedException {
    return child.stop(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    child.close();
  }
}
