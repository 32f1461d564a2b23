package dev.vigil.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * One Vigil replica as its own JVM: {@code vigil run} started from this test's class path, with
 * its output kept in {@code <dataDir>/replica.log} and read as it comes, so that the test knows
 * when it monitors and how many shards it holds. Its methods block: call them from the test thread.
 */
final class Replica implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("metrics on http://[^:]+:(\\d+)/metrics");
  private static final Pattern HOLDS =
      Pattern.compile("location \\S+: holds (\\d+) of \\d+ shards, (\\d+) replica\\(s\\) alive");

  final String name;
  private final Process process;
  private final Path log;
  private volatile boolean monitoring;
  private volatile int held;
  private volatile int alive;
  private volatile Instant firstRound;
  private volatile int httpPort;

  private Replica(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::read, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code vigil run} with these flags and environment (on top of this JVM's, VIGIL_* left out). */
  static Replica start(String name, Path dataDir, List<String> flags, Map<String, String> env) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "dev.vigil.Main", "run", "--data-dir", dataDir.toString()));
    command.addAll(flags);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("VIGIL_"));
    builder.environment().putAll(env);
    builder.environment().put("VIGIL_RUNNER_NAME", name);
    try {
      Files.createDirectories(dataDir);
      return new Replica(name, builder.start(), dataDir.resolve("replica.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        file.println(line);
        if (line.startsWith("vigil run: monitoring")) {
          Matcher port = PORT.matcher(line);
          if (port.find()) {
            httpPort = Integer.parseInt(port.group(1));
          }
          monitoring = true;
        }
        if (firstRound == null && line.contains("takes its share")) {
          firstRound = Instant.now();
        }
        Matcher holds = HOLDS.matcher(line);
        if (holds.find()) {
          held = Integer.parseInt(holds.group(1));
          alive = Integer.parseInt(holds.group(2));
        }
      }
    } catch (IOException e) {
      // the process ended: nothing more to read
    }
  }

  boolean monitoring() {
    return monitoring;
  }

  /** The port of its HTTP server (API, live stream), once it monitors. */
  int httpPort() {
    return httpPort;
  }

  /** Shards held, as the replica last said. */
  int held() {
    return held;
  }

  /** Live replicas of its location, as the replica last said. */
  int alive() {
    return alive;
  }

  /** When it first announced itself to the others (its first round of leases). */
  Instant firstRound() {
    return firstRound;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no lease released. */
  void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
  }

  /** {@code kill -STOP}: the JVM freezes, as a long GC pause or a stalled VM would. */
  void pause() {
    signal("STOP");
  }

  /** {@code kill -CONT}: it goes on from where it froze. */
  void resume() {
    signal("CONT");
  }

  /** SIGTERM, as Kubernetes stops a pod: a graceful stop, not waited for. */
  void stop() {
    process.destroy();
  }

  /** Waits for the process to end; its exit code. */
  int waitFor(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionFailedError(name + " did not end within " + limit.toSeconds() + " s; see " + log);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted", e);
    }
  }

  private void signal(String signal) {
    try {
      int status = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
      if (status != 0) {
        throw new AssertionFailedError("kill -" + signal + " " + process.pid() + " exited with " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted", e);
    }
  }

  /** The end of its output, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      resume();
      process.destroyForcibly();
    }
  }
}
