package dev.vigil.engine.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import dev.vigil.engine.RunResources;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One run's browser context and page, leased from the {@link BrowserHost}: nothing (cookies,
 * storage, cache) is shared with other runs. Calls run on the context's host thread; their results
 * come back on the run's Vert.x context. Closing it closes the context and frees the lease, also
 * when the browser has crashed meanwhile.
 */
public final class BrowserRun implements RunResources.Resource {
  /** How often a wait looks again; between looks the host thread serves other runs. */
  static final Duration POLL_EVERY = Duration.ofMillis(100);
  /** Bounds one look; a look only waits while the page is between two documents. */
  private static final Duration LOOK_TIMEOUT = Duration.ofMillis(500);
  private static final Duration CLOSE_ALLOWANCE = Duration.ofSeconds(10);

  private final HostThread host;
  private final BrowserContext browserContext;
  private final Page page;
  private final long generation;
  private final Context vertxContext;
  private final Runnable release;

  BrowserRun(
      HostThread host, BrowserContext browserContext, Page page, long generation, Context vertxContext,
      Runnable release) {
    this.host = host;
    this.browserContext = browserContext;
    this.page = page;
    this.generation = generation;
    this.vertxContext = vertxContext;
    this.release = release;
  }

  /**
   * Runs {@code action} on the page, on the host thread. Playwright's default timeouts are set to
   * {@code timeout} first, so every call in it is bounded; the watchdog bounds the whole.
   */
  public <T> Future<T> call(Duration timeout, Function<Page, T> action) {
    return onRunContext(host.submit(timeout, chromium -> {
      checkAlive(chromium);
      double millis = Math.max(1, timeout.toMillis());
      page.setDefaultTimeout(millis);
      page.setDefaultNavigationTimeout(millis);
      return action.apply(page);
    }));
  }

  /**
   * Looks at the page every {@link #POLL_EVERY} with {@code look} (which must not wait) until it
   * gives a value or {@code within} has passed; completes with the value, or empty when time ran
   * out. The host thread serves other runs between looks.
   */
  public <T> Future<Optional<T>> poll(Duration within, Function<Page, Optional<T>> look) {
    CompletableFuture<Optional<T>> result = new CompletableFuture<>();
    long giveUpAt = System.nanoTime() + within.toNanos();
    lookAgain(look, giveUpAt, result);
    return onRunContext(result);
  }

  private <T> void lookAgain(
      Function<Page, Optional<T>> look, long giveUpAt, CompletableFuture<Optional<T>> result) {
    host.submit(LOOK_TIMEOUT.multipliedBy(10), chromium -> {
      checkAlive(chromium);
      page.setDefaultTimeout(LOOK_TIMEOUT.toMillis());
      try {
        return look.apply(page);
      } catch (TimeoutError navigating) {
        return Optional.<T>empty(); // the page is between two documents: look again
      }
    }).whenComplete((found, error) -> {
      if (error != null) {
        result.completeExceptionally(unwrap(error));
      } else if (found.isPresent() || System.nanoTime() >= giveUpAt) {
        result.complete(found);
      } else {
        host.later(POLL_EVERY, () -> lookAgain(look, giveUpAt, result));
      }
    });
  }

  private void checkAlive(Chromium chromium) {
    if (chromium.generation() != generation || !browserContext.browser().isConnected()) {
      throw new BrowserFault("the browser of this run crashed or was killed (it is being replaced)");
    }
  }

  @Override
  public Future<Void> close() {
    CompletableFuture<Void> closed = host.submit(CLOSE_ALLOWANCE, chromium -> {
      if (chromium.generation() == generation) {
        browserContext.close();
      }
      return null;
    });
    return onRunContext(closed.handle((ignored, error) -> {
      release.run();
      return null;
    }));
  }

  private <T> Future<T> onRunContext(CompletableFuture<T> done) {
    Promise<T> promise = Promise.promise();
    done.whenComplete((value, error) -> vertxContext.runOnContext(ignored -> {
      if (error != null) {
        promise.fail(unwrap(error));
      } else {
        promise.complete(value);
      }
    }));
    return promise.future();
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
