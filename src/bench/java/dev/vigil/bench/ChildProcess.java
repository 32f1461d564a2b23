package dev.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts (Vigil, Gatling), with its output in a log file, so that its CPU and
 * memory are its own. {@link #stop} asks it to end with SIGTERM (a graceful shutdown) and waits;
 * {@link #close} kills it (and anything it started) if still alive, so no child outlives the
 * benchmark.
 */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java <arguments>} with {@code environment} added, output to {@code log}. */
  static ChildProcess startJava(String name, List<String> arguments, Map<String, String> environment, Path log)
      throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ChildProcess(name, builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  /** Fails with the end of the log when the process has exited. */
  void requireAlive() {
    if (!process.isAlive()) {
      throw new BenchmarkFailure(name + " exited with code " + process.exitValue() + ":\n" + logTail(30));
    }
  }

  /** Waits up to {@code timeout} for the process to exit by itself; its exit code, or -1 if it did not. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** Sends SIGTERM and waits up to {@code timeout}; the exit code, or -1 when it had to be killed. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    int code = awaitExit(timeout);
    if (code == -1) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return code;
  }

  /** The last {@code lines} lines of the log. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** The lines of the log that contain {@code text}. */
  List<String> logLines(String text) {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(text)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Kills the process and any process it started, if still alive. */
  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
