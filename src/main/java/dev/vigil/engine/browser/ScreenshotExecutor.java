package dev.vigil.engine.browser;

import dev.vigil.domain.StepAction.Browser.Screenshot;
import dev.vigil.engine.StepContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code screenshot}: saves the page (or the whole scrollable page) as the step's artifact,
 * {@code artifacts/<runId>/<step>.png} under the data directory. The result is that path.
 */
public final class ScreenshotExecutor extends BrowserStepExecutor<Screenshot> {
  private final Artifacts artifacts;

  public ScreenshotExecutor(BrowserHost host) {
    super(host, Screenshot.class);
    this.artifacts = host.artifacts();
  }

  @Override
  String subject(Screenshot action, StepContext context) {
    return "of the page";
  }

  @Override
  Future<Object> perform(
      Screenshot action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    return run.call(time, page -> (Object) artifacts.screenshot(
            page, context.run().runId(), context.run().stepName(), action.fullPage()))
        .onSuccess(saved -> context.run().evidence().artifact((String) saved));
  }
}
