package dev.vigil.engine.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated platform thread that owns a {@link Chromium}: every Playwright call of the
 * contexts leased on it runs there, one task at a time, in submission order. Each task has an
 * allowance; the {@link BrowserHost}'s watchdog calls {@link #watch} and, when a task overruns
 * its allowance by {@link #GRACE}, fails the task, kills the browser's processes (so the blocked
 * Playwright call returns) and has the browser launched again on next use. A thread still stuck
 * after that (a hung driver) is abandoned for a fresh one.
 */
final class HostThread {
  static final Duration GRACE = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(HostThread.class);

  private final String name;
  private final Path executable;
  private final ScheduledExecutorService timers;
  private final AtomicInteger leased = new AtomicInteger();
  private volatile Worker worker;
  private volatile boolean closed;

  /** A thread and the Chromium confined to it. */
  private record Worker(ExecutorService executor, Chromium chromium) {}

  /** Code run on the host thread with its Chromium. */
  interface Task<T> {
    T run(Chromium chromium);
  }

  /** A task queued or running: what it completes, and when it started (0 while queued). */
  private final class Job<T> implements Runnable {
    final Task<T> task;
    final long allowedNanos;
    final CompletableFuture<T> result = new CompletableFuture<>();
    final AtomicBoolean declaredHung = new AtomicBoolean();
    final Worker worker;
    volatile long startedNanos;

    Job(Task<T> task, Duration allowance, Worker worker) {
      this.task = task;
      this.allowedNanos = allowance.toNanos();
      this.worker = worker;
    }

    @Override
    public void run() {
      if (result.isDone()) {
        return;
      }
      startedNanos = System.nanoTime();
      running = this;
      try {
        result.complete(task.run(worker.chromium()));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      } finally {
        if (running == this) {
          running = null;
        }
      }
    }

    void abandoned() {
      result.completeExceptionally(new BrowserFault("the browser host thread was stuck and replaced"));
    }
  }

  private volatile Job<?> running;

  HostThread(String name, Path executable, ScheduledExecutorService timers) {
    this.name = name;
    this.executable = executable;
    this.timers = timers;
    this.worker = newWorker();
  }

  private Worker newWorker() {
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    return new Worker(executor, new Chromium(executable, name));
  }

  /**
   * Runs the task on the host thread; the result completes on that thread (or on the watchdog's,
   * when the task hangs).
   *
   * @param allowance how long the task may take; its Playwright calls must have shorter timeouts
   */
  <T> CompletableFuture<T> submit(Duration allowance, Task<T> task) {
    Worker current = worker;
    Job<T> job = new Job<>(task, allowance, current);
    if (closed) {
      job.result.completeExceptionally(new BrowserFault("the browser host is closed"));
      return job.result;
    }
    try {
      current.executor().execute(job);
    } catch (RejectedExecutionException e) {
      job.result.completeExceptionally(new BrowserFault("the browser host thread was replaced"));
    }
    return job.result;
  }

  /** Calls {@code submit} after {@code delay} (a wait's next look), from the host's timer thread. */
  void later(Duration delay, Runnable submit) {
    timers.schedule(submit, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Called by the watchdog: deals with a task that overran its allowance. */
  void watch(long nowNanos) {
    Job<?> job = running;
    if (job == null || job.startedNanos == 0) {
      return;
    }
    long over = nowNanos - job.startedNanos - job.allowedNanos;
    if (over > GRACE.toNanos() && job.declaredHung.compareAndSet(false, true)) {
      LOG.warn("{}: a browser call overran its {} ms by {} ms; killing the browser, it will be replaced",
          name, job.allowedNanos / 1_000_000, over / 1_000_000);
      job.result.completeExceptionally(new BrowserFault(
          "the browser hung (no answer " + GRACE.toSeconds() + " s after the call's time-out) and is being replaced"));
      killBrowser(job.worker.chromium());
    } else if (over > 3 * GRACE.toNanos() && job.worker == worker) {
      LOG.error("{}: the browser host thread is still stuck after its browser was killed; starting a new one", name);
      abandon(job.worker);
    }
  }

  /** Kills the processes of the browser this thread launched (they carry its tag). */
  void killBrowser(Chromium chromium) {
    String tag = chromium.processTag();
    browserProcesses(tag).forEach(process -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    });
  }

  /** The main processes of browsers with this tag (for the watchdog and tests). */
  static List<ProcessHandle> browserProcesses(String tag) {
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().arguments()
            .map(args -> List.of(args).contains(tag)).orElse(false))
        .toList();
  }

  private void abandon(Worker stuck) {
    worker = newWorker();
    stuck.executor().shutdownNow().forEach(queued -> ((Job<?>) queued).abandoned());
  }

  /** The process tag of this thread's browsers. */
  String processTag() {
    return worker.chromium().processTag();
  }

  AtomicInteger leased() {
    return leased;
  }

  String name() {
    return name;
  }

  /** Closes the browser and driver on the host thread, then stops the thread. */
  CompletableFuture<Void> close(Duration allowance) {
    CompletableFuture<Void> done = submit(allowance, chromium -> {
      chromium.close();
      return null;
    });
    closed = true;
    Worker current = worker;
    return done.handle((ignored, error) -> {
      current.executor().shutdown();
      return null;
    });
  }
}
