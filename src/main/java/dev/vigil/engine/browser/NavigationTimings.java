package dev.vigil.engine.browser;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser's own timings of the page's navigation, in milliseconds from its start: {@code ttfb}
 * (first byte of the answer), {@code domContentLoaded}, {@code load}, and {@code lcp} (largest
 * contentful paint) when Chromium reports one. Read on the host thread, after the load event.
 */
final class NavigationTimings {
  private static final String SCRIPT = """
      () => new Promise(resolve => {
        const nav = performance.getEntriesByType('navigation')[0];
        const timings = {};
        if (nav) {
          timings.ttfb = nav.responseStart;
          timings.domContentLoaded = nav.domContentLoadedEventEnd;
          timings.load = nav.loadEventEnd || nav.loadEventStart;
        }
        try {
          const observer = new PerformanceObserver(() => {});
          observer.observe({type: 'largest-contentful-paint', buffered: true});
          const entries = observer.takeRecords();
          observer.disconnect();
          if (entries.length) {
            timings.lcp = entries[entries.length - 1].startTime;
          }
        } catch (e) {
          // no LCP in this browser: the other timings stand
        }
        resolve(timings);
      })
      """;

  private NavigationTimings() {}

  static Map<String, Double> read(Page page) {
    Map<String, Double> timings = new LinkedHashMap<>();
    if (page.evaluate(SCRIPT) instanceof Map<?, ?> values) {
      values.forEach((name, value) -> {
        if (value instanceof Number number && number.doubleValue() > 0) {
          timings.put(String.valueOf(name), Math.round(number.doubleValue() * 10) / 10.0);
        }
      });
    }
    return timings;
  }
}
