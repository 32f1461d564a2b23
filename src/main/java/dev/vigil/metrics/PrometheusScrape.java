package dev.vigil.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The text served at {@code /metrics}: refreshes the given scheduler gauges, then renders the
 * registry in the Prometheus text format 0.0.4.
 *
 * <p>Blocking in the CPU sense: rendering walks every series (a few ms for a few thousand, seconds
 * for millions of histogram buckets), so call it on a worker thread. Thread-safe. Fails with the
 * registry's or the state's exception.
 */
public final class PrometheusScrape implements Callable<String> {
  /** What {@link PrometheusMeterRegistry#scrape()} renders. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final List<MonitorGauges> refreshFirst;

  /** @param refreshFirst gauges to refresh before each scrape (none when nothing is scheduled) */
  public PrometheusScrape(PrometheusMeterRegistry registry, List<MonitorGauges> refreshFirst) {
    this.registry = registry;
    this.refreshFirst = List.copyOf(refreshFirst);
  }

  @Override
  public String call() {
    refreshFirst.forEach(MonitorGauges::refresh);
    return registry.scrape();
  }
}
