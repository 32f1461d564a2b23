/**
 * Vigil's own metrics, for Prometheus: {@link dev.vigil.metrics.VigilMetrics} owns the Micrometer
 * registry (JVM and Vert.x meters included), {@link dev.vigil.metrics.RunMetrics} turns what the
 * scheduler reports into run, step, skip and status-change series,
 * {@link dev.vigil.metrics.MonitorGauges} reads the scheduler's state into gauges, and
 * {@link dev.vigil.metrics.PrometheusScrape} renders it all as the text served at {@code /metrics}.
 * Tags stay bounded: tenant, journey, step, outcome and other enums, never a run id or a URL.
 */
package dev.vigil.metrics;
