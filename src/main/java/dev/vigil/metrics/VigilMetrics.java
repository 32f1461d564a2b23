package dev.vigil.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.UUID;

/**
 * The process's one metrics registry: a {@link PrometheusMeterRegistry} with the JVM's meters
 * (memory, GC, threads, class loading, CPU, uptime, open files) bound, and the way to create the
 * {@link Vertx} whose own meters (HTTP server and client, pools, event bus, event loops) land in
 * the same registry.
 *
 * <p>Create Vert.x with {@link #vertxBuilder(VertxOptions)}, never with {@code Vertx.vertx(options)}:
 * Vert.x 5 finds the Micrometer factory through the service loader, without this registry, so its
 * meters would go to a registry nobody scrapes. Vert.x's meters are labelled by HTTP method and
 * status code, pool type and name, and event-bus side only: no remote or local address, no path
 * or route; HTTP client pools, which Vert.x names after their server, are folded into one by
 * {@link ClientPoolFilter}. Tenants' Odoo hosts and request URLs never become label values.
 *
 * <p>Thread-safe. {@link #close()} after the Vert.x instance it created has closed.
 */
public final class VigilMetrics implements AutoCloseable {
  /** Labels Vert.x may put on its meters: all bounded by the code, none by the traffic. */
  private static final EnumSet<Label> VERTX_LABELS = EnumSet.of(
      Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME, Label.EB_SIDE);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  /**
   * vertx-micrometer-metrics keeps its backends in a static map by registry name: a name of our
   * own keeps two instances in one JVM (tests, embedded use) from sharing one registry.
   */
  private final String vertxRegistryName = "vigil-" + UUID.randomUUID();

  public VigilMetrics() {
    registry.config().meterFilter(new ClientPoolFilter());
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * A Vert.x builder whose metrics go to this registry; add a transport or tracer to it if needed,
   * then {@code build()} (or {@code buildClustered()}). The given options are copied, their
   * metrics options replaced by Vigil's.
   */
  public VertxBuilder vertxBuilder(VertxOptions options) {
    return Vertx.builder()
        .with(new VertxOptions(options).setMetricsOptions(vertxMetricsOptions()))
        .withMetrics(new MicrometerMetricsFactory(registry));
  }

  /**
   * The Vert.x metrics options Vigil runs with: enabled, bounded labels, Netty's event-loop
   * pending tasks and buffer allocator, JVM meters left to this class (binding them twice would
   * double-count GC pauses).
   */
  private MicrometerMetricsOptions vertxMetricsOptions() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(vertxRegistryName)
        .setLabels(VERTX_LABELS)
        .setJvmMetricsEnabled(false)
        .setNettyMetricsEnabled(true);
  }

  /** Stops the GC listener and closes the registry; meters read afterwards are empty. */
  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
