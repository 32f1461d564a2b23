package dev.vigil.engine.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitUntilState;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.StepAction.Browser.Navigate;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepFault;
import dev.vigil.engine.http.OriginGuard;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code navigate}: opens a path on the tenant's Odoo (or an allowed origin) and waits for the
 * page's {@code load} event. Records the browser's navigation timings as the step's timings. The
 * result is {@code {url, status, title}}; a 5xx answer is SERVER_ERROR, a 4xx fails the step.
 */
public final class NavigateExecutor extends BrowserStepExecutor<Navigate> {

  public NavigateExecutor(BrowserHost host) {
    super(host, Navigate.class);
  }

  @Override
  String subject(Navigate action, StepContext context) {
    return String.valueOf(action.url());
  }

  @Override
  Future<Object> perform(
      Navigate action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    String url = new OriginGuard(context.tenant()).resolve(context.renderText(action.url())).toString();
    return run.call(time, page -> {
      Response response = page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
      return new Loaded(response == null ? 0 : response.status(), page.url(), page.title(),
          NavigationTimings.read(page));
    }).map(loaded -> {
      loaded.timings().forEach(context.run().evidence()::timing);
      if (loaded.status() >= 500) {
        throw new StepFault(ErrorClass.SERVER_ERROR, "navigate " + url + ": status " + loaded.status());
      }
      if (loaded.status() >= 400) {
        throw new AssertionFailure("navigate " + url + ": expected a status below 400, got " + loaded.status());
      }
      return new JsonObject().put("url", loaded.url()).put("status", loaded.status()).put("title", loaded.title());
    });
  }

  /** What the page answered (read on the host thread). */
  private record Loaded(int status, String url, String title, Map<String, Double> timings) {}
}
