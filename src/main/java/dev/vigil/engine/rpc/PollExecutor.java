package dev.vigil.engine.rpc;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.StepAction;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.Checks;
import dev.vigil.engine.Deadline;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

/**
 * {@code poll}: repeats a call every {@code every} until all {@code until} assertions hold, then
 * completes with the last result; after {@code within} (or the step's deadline) it fails with the
 * last unmet assertion. Waits on Vert.x timers, never by blocking.
 */
public final class PollExecutor implements StepExecutor<StepAction.Poll> {
  private final OdooCallExecutor calls = new OdooCallExecutor();

  @Override
  public Class<StepAction.Poll> actionType() {
    return StepAction.Poll.class;
  }

  @Override
  public Future<Object> execute(StepAction.Poll action, StepContext context) {
    Duration stepLeft = context.remaining();
    String window = stepLeft.compareTo(action.within()) < 0
        ? Math.round(stepLeft.toNanos() / 1e6) + " ms (the step's time limit; 'within' is " + action.within().toMillis() + " ms)"
        : action.within().toMillis() + " ms";
    return attempt(action, context, context.deadlineAfter(action.within()), window, 1);
  }

  /** @param window how long the poll may go on, as said when it gives up */
  private Future<Object> attempt(
      StepAction.Poll action, StepContext context, Deadline giveUp, String window, int attempt) {
    return calls.execute(action.call(), context).compose(result -> {
      Optional<String> unmet = unmet(action, result, context);
      if (unmet.isEmpty()) {
        return Future.succeededFuture(result);
      }
      if (giveUp.remaining().compareTo(action.every()) < 0 || context.remaining().compareTo(action.every()) < 0) {
        return Future.failedFuture(new AssertionFailure(
            "still not true after " + attempt + " attempt(s) within " + window + ": " + unmet.get()));
      }
      Promise<Void> wait = Promise.promise();
      context.vertx().setTimer(action.every().toMillis(), id -> wait.complete());
      return wait.future().compose(ignored -> attempt(action, context, giveUp, window, attempt + 1));
    });
  }

  private static Optional<String> unmet(StepAction.Poll action, Object result, StepContext context) {
    for (Assertion assertion : action.until()) {
      Optional<String> why =
          Checks.failure(assertion, Collections.singletonMap("result", result), context.bindings());
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }
}
