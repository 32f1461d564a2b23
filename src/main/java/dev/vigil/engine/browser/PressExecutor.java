package dev.vigil.engine.browser;

import dev.vigil.domain.StepAction.Browser.Press;
import dev.vigil.engine.StepContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** {@code press}: presses a key in the first visible element matching the selector. */
public final class PressExecutor extends BrowserStepExecutor<Press> {

  public PressExecutor(BrowserHost host) {
    super(host, Press.class);
  }

  @Override
  String subject(Press action, StepContext context) {
    return action.key() + " in " + action.selector();
  }

  @Override
  Future<Object> perform(
      Press action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    return visible(run, action.selector(), time).compose(shown -> run.call(time, page -> {
      page.locator(action.selector()).first().press(action.key());
      return null;
    }));
  }
}
