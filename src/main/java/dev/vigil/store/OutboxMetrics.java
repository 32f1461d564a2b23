package dev.vigil.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the outbox reports to Prometheus: {@code vigil_store_buffered_results} (waiting in memory
 * or on disk), {@code vigil_store_write_duration_seconds} (one batch, by result),
 * {@code vigil_store_write_failures_total} and {@code vigil_store_dropped_results_total}.
 */
public final class OutboxMetrics {
  private final MeterRegistry registry;
  private final Timer writesOk;
  private final Timer writesFailed;
  private final Counter failures;
  private final Counter dropped;

  public OutboxMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.writesOk = writeTimer(registry, "ok");
    this.writesFailed = writeTimer(registry, "failed");
    this.failures = Counter.builder("vigil.store.write.failures")
        .description("Batches the history store did not take (each is retried)")
        .register(registry);
    this.dropped = Counter.builder("vigil.store.dropped.results")
        .description("Results dropped because more than max_buffered_results waited for the history store")
        .register(registry);
  }

  private static Timer writeTimer(MeterRegistry registry, String result) {
    return Timer.builder("vigil.store.write.duration")
        .description("Time to write one batch of results to the history store")
        .tag("result", result)
        .register(registry);
  }

  void bind(LongSupplier buffered) {
    Gauge.builder("vigil.store.buffered.results", buffered::getAsLong)
        .description("Results waiting for the history store, in memory or in the spill directory")
        .strongReference(true)
        .register(registry);
  }

  void written(long nanos, boolean ok) {
    (ok ? writesOk : writesFailed).record(nanos, TimeUnit.NANOSECONDS);
    if (!ok) {
      failures.increment();
    }
  }

  void dropped(long count) {
    dropped.increment(count);
  }
}
