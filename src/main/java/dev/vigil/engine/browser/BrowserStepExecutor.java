package dev.vigil.engine.browser;

import com.microsoft.playwright.Page;
import dev.vigil.domain.StepAction;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * What every browser step does around its own action: it leases the run's browser context on
 * the run's first browser step (kept as a run resource, closed when the run ends, teardown
 * included), leaves part of the step's time for evidence, and when the action fails saves a
 * screenshot as the step's artifact before failing with a classified fault (see
 * {@link BrowserFaults}). Runs on the run's event loop; the page is only touched on the host thread.
 *
 * @param <A> the browser action handled
 */
abstract class BrowserStepExecutor<A extends StepAction.Browser> implements StepExecutor<A> {
  private static final Duration MAX_EVIDENCE_TIME = Duration.ofSeconds(3);
  private static final Duration SCREENSHOT_TIMEOUT = Duration.ofSeconds(5);
  private static final Object RUN_KEY = BrowserRun.class;

  private final BrowserHost host;
  private final Class<A> type;

  BrowserStepExecutor(BrowserHost host, Class<A> type) {
    this.host = host;
    this.type = type;
  }

  @Override
  public final Class<A> actionType() {
    return type;
  }

  @Override
  public final Future<Object> execute(A action, StepContext context) {
    String subject = action.kind() + " " + subject(action, context);
    Optional<String> secret = secret(action, context);
    return context.run().resources()
        .open(RUN_KEY, () -> host.open(context.vertx().getOrCreateContext(), context.remaining()))
        .recover(error -> Future.failedFuture(BrowserFaults.of(error, subject, Optional.empty())))
        .compose(run -> perform(action, secret, run, context, actionTime(context))
            .recover(error -> screenshot(run, context)
                .transform(saved -> Future.failedFuture(BrowserFaults.of(error, subject, secret)))));
  }

  /** What the step acts on, for messages: a selector, a URL. */
  abstract String subject(A action, StepContext context);

  /** A secret the action types, to be masked in any message (the password of a fill). */
  Optional<String> secret(A action, StepContext context) {
    return Optional.empty();
  }

  /**
   * Performs the action on the run's page within {@code time}.
   *
   * @param secret the secret from {@link #secret}, if any
   */
  abstract Future<Object> perform(
      A action, Optional<String> secret, BrowserRun run, StepContext context, Duration time);

  /** The step's time left, less what a screenshot of a failure may take. */
  static Duration actionTime(StepContext context) {
    Duration left = context.remaining();
    Duration reserve = left.dividedBy(4).compareTo(MAX_EVIDENCE_TIME) < 0 ? left.dividedBy(4) : MAX_EVIDENCE_TIME;
    return left.minus(reserve);
  }

  /** Waits until an element matching {@code selector} is visible; fails naming the selector. */
  static Future<Void> visible(BrowserRun run, String selector, Duration within) {
    return run.poll(within, page -> isVisible(page, selector) ? Optional.of(true) : Optional.<Boolean>empty())
        .compose(found -> found.isPresent()
            ? Future.succeededFuture()
            : Future.failedFuture(new AssertionFailure(
                "no visible element matches " + selector + " within " + within.toMillis() + " ms")));
  }

  /** Whether an element matching the selector is visible now (does not wait). */
  static boolean isVisible(Page page, String selector) {
    return page.locator(selector).first().isVisible();
  }

  /** Saves a screenshot of the page as the step's artifact; completes (never fails) when done. */
  private Future<Void> screenshot(BrowserRun run, StepContext context) {
    return run.call(SCREENSHOT_TIMEOUT, page -> host.artifacts().screenshot(
            page, context.run().runId(), context.run().stepName(), false))
        .onSuccess(saved -> context.run().evidence().artifact(saved))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
