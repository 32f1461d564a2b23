package dev.vigil.engine.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs Chromium for browser steps. {@code hostThreads} dedicated platform threads each own one
 * Playwright driver and one browser (launched on first use, launched again after a crash); at most
 * {@code maxContexts} runs hold a browser context at once, each its own, spread over the threads
 * (the least loaded first). A run waiting for a context waits without blocking, up to the time it
 * allows.
 *
 * <p>Playwright calls never run on an event loop: {@link BrowserRun} submits them to its thread and
 * hands results back as futures on the run's Vert.x context. A watchdog (every
 * {@value #WATCH_EVERY_MS} ms) fails a call that overruns its time-out and kills its browser, so a
 * hung or crashed browser ends the run using it ERRORED (class BROWSER) and is replaced for the
 * next one. Thread-safe.
 */
public final class BrowserHost {
  private static final long WATCH_EVERY_MS = 500;
  private static final Duration OPEN_ALLOWANCE = Duration.ofSeconds(40);
  private static final Duration CLOSE_ALLOWANCE = Duration.ofSeconds(15);

  private final BrowserSettings settings;
  private final ScheduledExecutorService timers;
  private final List<HostThread> threads = new ArrayList<>();
  private final Permits permits;
  private final AtomicBoolean watching = new AtomicBoolean();
  private final Artifacts artifacts;

  public BrowserHost(BrowserSettings settings) {
    this.settings = settings;
    this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "vigil-browser-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 0; i < settings.hostThreads(); i++) {
      threads.add(new HostThread("vigil-browser-" + ProcessHandle.current().pid() + "-" + i,
          settings.executable(), timers));
    }
    this.permits = new Permits(settings.maxContexts(), timers);
    this.artifacts = new Artifacts(settings.dataDir());
  }

  public BrowserSettings settings() {
    return settings;
  }

  /** Where evidence files go. */
  Artifacts artifacts() {
    return artifacts;
  }

  /**
   * Leases a fresh browser context with one page for a run; the run closes it when it ends.
   * Completes on {@code context}.
   *
   * @param wait how long to wait for a free context (the step's time left)
   */
  public Future<BrowserRun> open(Context context, Duration wait) {
    startWatchdog();
    Promise<BrowserRun> promise = Promise.promise();
    permits.acquire(wait)
        .thenCompose(permit -> lease(context))
        .whenComplete((run, error) -> context.runOnContext(ignored -> {
          if (error != null) {
            promise.fail(BrowserRun.unwrap(error));
          } else {
            promise.complete(run);
          }
        }));
    return promise.future();
  }

  private CompletableFuture<BrowserRun> lease(Context context) {
    HostThread host = threads.stream().min(Comparator.comparingInt(t -> t.leased().get())).orElseThrow();
    host.leased().incrementAndGet();
    Runnable release = () -> {
      host.leased().decrementAndGet();
      permits.release();
    };
    CompletableFuture<BrowserRun> leased = host.submit(OPEN_ALLOWANCE, chromium -> {
      BrowserContext browserContext = newContext(chromium);
      Page page = browserContext.newPage();
      return new BrowserRun(host, browserContext, page, chromium.generation(), context, release);
    });
    leased.whenComplete((run, error) -> {
      if (error != null) {
        release.run();
      }
    });
    return leased;
  }

  /** A new context; when the browser died unnoticed, it is launched again and asked once more. */
  private static BrowserContext newContext(Chromium chromium) {
    try {
      return chromium.browser().newContext();
    } catch (com.microsoft.playwright.PlaywrightException deadBrowser) {
      chromium.discardBrowser();
      return chromium.browser().newContext();
    }
  }

  private void startWatchdog() {
    if (watching.compareAndSet(false, true)) {
      timers.scheduleAtFixedRate(() -> threads.forEach(thread -> thread.watch(System.nanoTime())),
          WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    }
  }

  /** Contexts leased now (for tests and the benchmark). */
  int leased() {
    return permits.used();
  }

  /** The main processes of the browsers running now (for tests: a crash is a kill of these). */
  List<ProcessHandle> browserProcesses() {
    return threads.stream().flatMap(thread -> HostThread.browserProcesses(thread.processTag()).stream()).toList();
  }

  /**
   * Closes every browser and driver on its own thread, then stops the threads; completes when
   * done, within about {@code 15 s}. Runs still holding a context fail.
   */
  public CompletableFuture<Void> close() {
    CompletableFuture<?>[] closing = threads.stream()
        .map(thread -> thread.close(CLOSE_ALLOWANCE)).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(closing).whenComplete((done, error) -> timers.shutdownNow());
  }
}
