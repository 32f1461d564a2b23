package dev.vigil.engine.browser;

import com.microsoft.playwright.Locator;
import dev.vigil.domain.StepAction.Browser.AssertText;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code assert_text}: waits until the first visible element matching the selector contains the
 * text; fails with the selector, the text expected and the text last seen. The result is the
 * element's text.
 */
public final class AssertTextExecutor extends BrowserStepExecutor<AssertText> {
  private static final int MAX_QUOTED = 200;

  public AssertTextExecutor(BrowserHost host) {
    super(host, AssertText.class);
  }

  @Override
  String subject(AssertText action, StepContext context) {
    return action.selector();
  }

  @Override
  Future<Object> perform(
      AssertText action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    String expected = String.valueOf(context.render(action.text()));
    AtomicReference<String> lastSeen = new AtomicReference<>();
    return run.poll(time, page -> {
      Locator element = page.locator(action.selector()).first();
      if (!element.isVisible()) {
        return Optional.<String>empty();
      }
      String text = element.innerText();
      lastSeen.set(text);
      return text.contains(expected) ? Optional.of(text) : Optional.<String>empty();
    }).map(found -> found.<Object>map(text -> text).orElseThrow(() -> new AssertionFailure(
        lastSeen.get() == null
            ? "no visible element matches " + action.selector() + " within " + time.toMillis() + " ms"
            : "text of " + action.selector() + " is \"" + quoted(lastSeen.get()) + "\", expected it to contain \""
                + expected + "\"")));
  }

  private static String quoted(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_QUOTED ? flat : flat.substring(0, MAX_QUOTED) + "…";
  }
}
