package dev.vigil.store;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the embedded servers' processes (PostgreSQL, Redis) from one long-lived thread of its own. Linux's parent-death signal
 * ({@code setpriv --pdeathsig}) fires when the <em>thread</em> that forked the child ends, not
 * the process: a child started from a pooled worker thread would be killed when that worker is
 * retired. This thread lives until {@link #close()}, so the children die with the JVM (even one
 * killed with -9) and not before. Blocking: call off the event loop.
 */
public final class ProcessSpawner implements AutoCloseable {
  private final ExecutorService thread;

  /** @param name the spawning thread's name */
  public ProcessSpawner(String name) {
    thread = Executors.newSingleThreadExecutor(task -> {
      Thread spawner = new Thread(task, name);
      spawner.setDaemon(true);
      return spawner;
    });
  }

  public Process start(ProcessBuilder builder) throws IOException {
    Future<Process> started = thread.submit(builder::start);
    try {
      return started.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + builder.command().get(0), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** Ends the thread: children it started that are still running get their parent-death signal. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
