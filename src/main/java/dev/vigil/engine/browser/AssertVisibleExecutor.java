package dev.vigil.engine.browser;

import dev.vigil.domain.StepAction.Browser.AssertVisible;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code assert_visible}: waits until an element matching the selector is visible (or, with
 * {@code visible: false}, until none is); fails naming the selector. The result is {@code true}.
 */
public final class AssertVisibleExecutor extends BrowserStepExecutor<AssertVisible> {

  public AssertVisibleExecutor(BrowserHost host) {
    super(host, AssertVisible.class);
  }

  @Override
  String subject(AssertVisible action, StepContext context) {
    return action.selector();
  }

  @Override
  Future<Object> perform(
      AssertVisible action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    return run.poll(time, page -> isVisible(page, action.selector()) == action.visible()
            ? Optional.of(true) : Optional.<Boolean>empty())
        .map(done -> done.<Object>map(yes -> yes).orElseThrow(() -> new AssertionFailure(
            (action.visible() ? "no visible element matches " : "an element is still visible for ")
                + action.selector() + " after " + time.toMillis() + " ms")));
  }
}
