package dev.vigil.journey;

import dev.vigil.domain.StepAction.Browser;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsers of the browser action keys ({@code navigate}, {@code fill}, {@code click},
 * {@code press}, {@code wait_for}, {@code assert_text}, {@code assert_visible},
 * {@code screenshot}), registered in {@link ActionParsers}. Selectors are plain text; URLs, values
 * and expected texts may hold templates.
 */
final class BrowserParsers {
  private BrowserParsers() {}

  /** Every browser action key with its parser. */
  static Map<String, ActionParser> byKey() {
    return Map.of(
        "navigate", BrowserParsers::navigate,
        "fill", BrowserParsers::fill,
        "click", (body, refs) -> body.map(Set.of("selector"))
            .map(map -> new Browser.Click(selector(map))),
        "press", (body, refs) -> body.map(Set.of("selector", "key"))
            .map(map -> new Browser.Press(selector(map), map.required("key").flatMap(YamlValue::nonBlankText).orElse(""))),
        "wait_for", BrowserParsers::waitFor,
        "assert_text", (body, refs) -> body.map(Set.of("selector", "contains"))
            .map(map -> new Browser.AssertText(selector(map),
                map.required("contains").map(refs::templated).orElse(""))),
        "assert_visible", (body, refs) -> body.map(Set.of("selector", "visible"))
            .map(map -> new Browser.AssertVisible(selector(map),
                map.get("visible").flatMap(YamlValue::bool).orElse(true))),
        "screenshot", (body, refs) -> body.isNull()
            ? Optional.of(new Browser.Screenshot(false))
            : body.map(Set.of("full_page")).map(map -> new Browser.Screenshot(
                map.get("full_page").flatMap(YamlValue::bool).orElse(false))));
  }

  /** {@code navigate: /web/login} or {@code navigate: {url: ...}}. */
  private static Optional<dev.vigil.domain.StepAction> navigate(YamlValue body, JourneyReferences refs) {
    YamlValue url = body;
    if (body.isMap()) {
      Optional<YamlMap> map = body.map(Set.of("url"));
      if (map.isEmpty() || map.get().required("url").isEmpty()) {
        return Optional.empty();
      }
      url = map.get().get("url").orElseThrow();
    }
    Optional<String> text = url.nonBlankText();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String given = text.get();
    if (!(given.startsWith("/") || given.startsWith("${") || given.startsWith("http://")
        || given.startsWith("https://"))) {
      url.problem("expected a path on the tenant's Odoo such as /web/login,"
          + " or an absolute http:// or https:// URL");
    }
    return Optional.of(new Browser.Navigate(refs.templated(url)));
  }

  /** {@code fill: {selector, value}} or {@code fill: {selector, password: true}}. */
  private static Optional<dev.vigil.domain.StepAction> fill(YamlValue body, JourneyReferences refs) {
    return body.map(Set.of("selector", "value", "password")).map(map -> {
      boolean password = map.get("password").flatMap(YamlValue::bool).orElse(false);
      Optional<YamlValue> value = map.get("value");
      if (password == value.isPresent()) {
        map.self().problem(password
            ? "give either value or password: true, not both"
            : "expected value (the text to type) or password: true (the tenant's password)");
      }
      return new Browser.Fill(selector(map), value.map(refs::templated).orElse(""), password);
    });
  }

  /** {@code wait_for: {selector | url | network_idle, fail_if}}: exactly one thing to wait for. */
  private static Optional<dev.vigil.domain.StepAction> waitFor(YamlValue body, JourneyReferences refs) {
    return body.map(Set.of("selector", "url", "network_idle", "fail_if")).map(map -> {
      Optional<String> selector = map.get("selector").flatMap(YamlValue::nonBlankText);
      Optional<String> url = map.get("url").flatMap(YamlValue::nonBlankText);
      boolean idle = map.get("network_idle").flatMap(YamlValue::bool).orElse(false);
      long given = (selector.isPresent() ? 1 : 0) + (url.isPresent() ? 1 : 0) + (idle ? 1 : 0);
      if (given != 1) {
        map.self().problem("expected exactly one of selector, url, network_idle: true");
      }
      return new Browser.WaitFor(selector, url, idle,
          map.get("fail_if").flatMap(YamlValue::nonBlankText));
    });
  }

  private static String selector(YamlMap map) {
    return map.required("selector").flatMap(YamlValue::nonBlankText).orElse("");
  }
}
