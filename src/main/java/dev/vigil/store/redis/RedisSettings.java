package dev.vigil.store.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Vigil uses Redis.
 *
 * @param url the server ({@code VIGIL_REDIS_URL}); empty: an {@link EmbeddedRedis} in {@code dataDir}
 * @param dataDir Vigil's data folder, where the embedded server keeps its files
 * @param replicaId this replica's name, carried by every event it publishes
 * @param recentRuns how many runs are kept per tenant × journey (the newest)
 * @param channel the pub/sub channel of run and status events
 * @param commandTimeout how long any Redis call may take before it counts as failed
 */
public record RedisSettings(
    Optional<RedisUrl> url, Path dataDir, String replicaId, int recentRuns, String channel, Duration commandTimeout) {
  public static final int DEFAULT_RECENT_RUNS = 20;
  public static final String DEFAULT_CHANNEL = "vigil:events";
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(replicaId, "replicaId");
    Objects.requireNonNull(channel, "channel");
    if (recentRuns < 1) {
      throw new IllegalArgumentException("recentRuns must be at least 1, not " + recentRuns);
    }
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive, not " + commandTimeout);
    }
  }

  /** The defaults: 20 recent runs, channel {@code vigil:events}, 2 s per call. */
  public static RedisSettings of(Optional<RedisUrl> url, Path dataDir, String replicaId) {
    return new RedisSettings(url, dataDir, replicaId, DEFAULT_RECENT_RUNS, DEFAULT_CHANNEL, DEFAULT_COMMAND_TIMEOUT);
  }

  public RedisSettings withRecentRuns(int count) {
    return new RedisSettings(url, dataDir, replicaId, count, channel, commandTimeout);
  }
}
