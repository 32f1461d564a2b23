package dev.vigil.store.postgres;

import java.time.Instant;

/** One bucket of a time series (from the rollups): runs, failures and latency in milliseconds. */
public record SeriesPoint(Instant start, long count, long failures, double p50Ms, double p95Ms) {}
