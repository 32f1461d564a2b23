package dev.vigil.analysis.latency;

/**
 * Normal behaviour of a tenant × journey: the median of its per-window p95 and their spread
 * (MAD scaled to a standard deviation), learnt from {@code samples} windows, either of the same
 * hour of day ({@code timeOfDay}) or of all recent windows.
 */
public record Reference(double medianP95, double sigma, int samples, boolean timeOfDay) {}
