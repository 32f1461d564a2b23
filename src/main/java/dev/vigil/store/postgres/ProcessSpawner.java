package dev.vigil.store.postgres;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts child processes from one long-lived thread of its own. Linux ties a child's parent-death
 * signal ({@code setpriv --pdeathsig}) to the <em>thread</em> that spawned it, not to the process:
 * spawned from a short-lived worker, PostgreSQL would be stopped as soon as that worker ends. From
 * this thread, which lives as long as the JVM, it is stopped exactly when the JVM dies — even by
 * {@code kill -9}. Blocking: call it off the event loop.
 */
final class ProcessSpawner {
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "vigil-postgres-spawner");
    thread.setDaemon(true);
    return thread;
  });

  private ProcessSpawner() {}

  static Process start(ProcessBuilder builder) throws IOException {
    try {
      return THREAD.submit(builder::start).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + builder.command().get(0), e);
    }
  }
}
