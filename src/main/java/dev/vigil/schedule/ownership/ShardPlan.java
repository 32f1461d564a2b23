package dev.vigil.schedule.ownership;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What one replica does with its location's shards in one round, decided from what it sees: its
 * fair share is {@code ceil(shards / live replicas)}; above it, it releases the shards it prefers
 * least; below it, it tries to take free shards, those it prefers most first. Preferences come
 * from rendezvous hashing of the replica's name with each shard, so each replica tends to the same
 * shards across restarts and replicas racing for free shards mostly want different ones.
 * Pure: no I/O, no clock.
 *
 * @param release held shards to give up, least preferred first
 * @param acquire free shards to try to take, most preferred first
 */
record ShardPlan(List<Integer> release, List<Integer> acquire) {

  ShardPlan {
    release = List.copyOf(release);
    acquire = List.copyOf(acquire);
  }

  /**
   * @param shards the location's shard count
   * @param replicas how many replicas of the location are alive, this one included
   * @param self this replica's id, as it appears in {@code owners}
   * @param name this replica's stable name (its preferences)
   * @param held the shards this replica holds
   * @param owners the owner of every shard held by anyone now, by shard
   */
  static ShardPlan decide(int shards, int replicas, String self, String name, Set<Integer> held,
      Map<Integer, String> owners) {
    int fairShare = Math.floorDiv(shards + Math.max(1, replicas) - 1, Math.max(1, replicas));
    Comparator<Integer> mostPreferred = Comparator.comparingLong((Integer shard) -> weight(name, shard))
        .reversed().thenComparing(Comparator.naturalOrder());
    if (held.size() > fairShare) {
      return new ShardPlan(held.stream().sorted(mostPreferred.reversed()).limit(held.size() - fairShare).toList(),
          List.of());
    }
    List<Integer> free = IntStream.range(0, shards).boxed()
        .filter(shard -> !held.contains(shard))
        .filter(shard -> !owners.containsKey(shard) || owners.get(shard).equals(self))
        .sorted(mostPreferred)
        .limit(fairShare - held.size())
        .toList();
    return new ShardPlan(List.of(), free);
  }

  /** How much replica {@code name} wants {@code shard}: the larger, the more. */
  static long weight(String name, int shard) {
    return StableHash.of(name + "#" + shard);
  }
}
