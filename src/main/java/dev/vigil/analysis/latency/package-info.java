/**
 * Latency windows, baselines and degradation: tumbling windows per tenant × journey × step
 * (p50/p95/p99, success ratio), a robust baseline of normal behaviour per tenant × journey
 * (median and MAD of window p95, per hour of day once enough history exists), and a detector
 * that calls a degradation only when it is sustained. Pure logic, no Vert.x, confined to the
 * caller's thread.
 */
package dev.vigil.analysis.latency;
