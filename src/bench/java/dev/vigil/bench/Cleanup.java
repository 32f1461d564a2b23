package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * What the benchmark must undo however it ends — child processes, sandbox servers, Vert.x, the
 * temporary folder — closed last-in first-out, once, from the main thread's {@code finally} or
 * from the shutdown hook when the benchmark is interrupted (Ctrl-C).
 */
final class Cleanup implements Runnable {
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean done;

  /** Registers {@code resource} to be closed; returns it. */
  synchronized <T extends AutoCloseable> T add(T resource) {
    if (done) {
      throw new BenchmarkFailure("cleaned up already: the benchmark is stopping");
    }
    resources.push(resource);
    return resource;
  }

  /** A new temporary folder, deleted with everything in it at clean-up. */
  Path temporaryFolder(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    add(() -> delete(folder));
    return folder;
  }

  @Override
  public synchronized void run() {
    done = true;
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("[bench] clean-up: " + e);
      }
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
