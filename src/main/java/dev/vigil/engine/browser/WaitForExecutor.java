package dev.vigil.engine.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.vigil.domain.StepAction.Browser.WaitFor;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code wait_for}: waits until an element is visible, the page's URL matches a glob, or the
 * network is idle. With {@code fail_if}, the step fails as soon as that element shows instead
 * (Odoo's "Wrong login/password" alert), quoting its text. Not found in time fails the step
 * naming what was awaited. The result is {@code {url}}.
 */
public final class WaitForExecutor extends BrowserStepExecutor<WaitFor> {

  public WaitForExecutor(BrowserHost host) {
    super(host, WaitFor.class);
  }

  @Override
  String subject(WaitFor action, StepContext context) {
    return action.selector().or(action::url).orElse("network idle");
  }

  /** What a look at the page found. */
  private record Seen(String url, Optional<String> refusal) {}

  @Override
  Future<Object> perform(
      WaitFor action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    if (action.networkIdle()) {
      return run.call(time, page -> {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return (Object) new JsonObject().put("url", page.url());
      });
    }
    Optional<UrlGlob> glob = action.url().map(UrlGlob::new);
    return run.poll(time, page -> look(action, glob, page)).map(seen -> {
      if (seen.isEmpty()) {
        throw new AssertionFailure(action.selector()
            .map(selector -> "no visible element matches " + selector)
            .orElseGet(() -> "the page's URL does not match " + action.url().orElseThrow())
            + " within " + time.toMillis() + " ms");
      }
      seen.get().refusal().ifPresent(text -> {
        throw new AssertionFailure(action.failIf().orElseThrow() + " appeared instead of "
            + subject(action, context) + ": \"" + text + "\"");
      });
      return new JsonObject().put("url", seen.get().url());
    });
  }

  private static Optional<Seen> look(WaitFor action, Optional<UrlGlob> glob, Page page) {
    if (action.failIf().isPresent() && isVisible(page, action.failIf().get())) {
      String text = page.locator(action.failIf().get()).first().innerText().strip();
      return Optional.of(new Seen(page.url(), Optional.of(text)));
    }
    boolean done = action.selector().map(selector -> isVisible(page, selector))
        .orElseGet(() -> glob.orElseThrow().matches(page.url()));
    return done ? Optional.of(new Seen(page.url(), Optional.empty())) : Optional.empty();
  }
}
