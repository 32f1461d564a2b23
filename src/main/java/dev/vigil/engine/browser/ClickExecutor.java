package dev.vigil.engine.browser;

import dev.vigil.domain.StepAction.Browser.Click;
import dev.vigil.engine.StepContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** {@code click}: clicks the first visible element matching the selector. The result is {@code null}. */
public final class ClickExecutor extends BrowserStepExecutor<Click> {

  public ClickExecutor(BrowserHost host) {
    super(host, Click.class);
  }

  @Override
  String subject(Click action, StepContext context) {
    return action.selector();
  }

  @Override
  Future<Object> perform(
      Click action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    return visible(run, action.selector(), time).compose(shown -> run.call(time, page -> {
      page.locator(action.selector()).first().click();
      return null;
    }));
  }
}
