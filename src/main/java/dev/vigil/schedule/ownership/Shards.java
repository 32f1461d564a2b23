package dev.vigil.schedule.ownership;

import dev.vigil.schedule.CheckKey;

/**
 * Which shard a tenant × journey belongs to: a stable hash of the check modulo the shard count,
 * the same on every replica. Replicas lease shards, not checks, so that 60,000 checks cost a few
 * hundred leases. Every replica of a location must use the same count. Immutable.
 */
public record Shards(int count) {
  /** Shards per location unless the {@code shards} setting says otherwise. */
  public static final int DEFAULT_COUNT = 128;
  /** At most this many: each round reads every shard's holder at once. */
  public static final int MAX_COUNT = 4096;

  public Shards {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("a location has 1 to " + MAX_COUNT + " shards, not " + count);
    }
  }

  /** The check's shard, from 0 to {@code count - 1}. */
  public int of(CheckKey check) {
    return (int) Long.remainderUnsigned(StableHash.of("shard:" + check), count);
  }
}
