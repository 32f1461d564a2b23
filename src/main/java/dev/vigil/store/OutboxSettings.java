package dev.vigil.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the outbox between the scheduler and the history store behaves.
 *
 * @param spillDir where results wait on disk while the store is away
 * @param maxBuffered results kept at most while the store is away (memory and disk); beyond it the
 *     oldest are dropped, a segment at a time, and counted
 * @param batchSize results written in one transaction
 * @param flushInterval how long a result may wait in memory before it is written (or, during an
 *     outage, spilled): what a killed process can lose
 * @param memoryLimit results held in memory while writes fall behind; beyond it they spill to disk
 * @param segmentSize results per spill file
 * @param writeTimeout a write not acknowledged within it counts as failed (and is retried: writes are idempotent)
 * @param retryMin first wait before retrying a failed store, doubled up to {@code retryMax}
 */
public record OutboxSettings(
    Path spillDir,
    long maxBuffered,
    int batchSize,
    Duration flushInterval,
    int memoryLimit,
    int segmentSize,
    Duration writeTimeout,
    Duration retryMin,
    Duration retryMax) {

  /** Production defaults for results buffered in {@code spillDir}: up to a million results (~1.5 GB). */
  public static OutboxSettings defaults(Path spillDir) {
    return new OutboxSettings(spillDir, 1_000_000, 500, Duration.ofMillis(200), 20_000, 10_000,
        Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  public OutboxSettings withMaxBuffered(long maxBuffered) {
    return new OutboxSettings(spillDir, maxBuffered, batchSize, flushInterval, memoryLimit, segmentSize,
        writeTimeout, retryMin, retryMax);
  }

  public OutboxSettings withSegmentSize(int segmentSize) {
    return new OutboxSettings(spillDir, maxBuffered, batchSize, flushInterval, memoryLimit, segmentSize,
        writeTimeout, retryMin, retryMax);
  }

  public OutboxSettings withRetry(Duration min, Duration max) {
    return new OutboxSettings(spillDir, maxBuffered, batchSize, flushInterval, memoryLimit, segmentSize,
        writeTimeout, min, max);
  }
}
