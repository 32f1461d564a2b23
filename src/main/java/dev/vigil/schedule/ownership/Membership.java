package dev.vigil.schedule.ownership;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * The live replicas of one location: each announces itself every round, and is forgotten
 * {@code ttl} after its last announcement (a replica that died or froze drops out on its own).
 */
public interface Membership {

  /**
   * Announces {@code replica} as alive for {@code ttl}, with the shard count it uses, and answers
   * who is alive. The first replica of an empty location sets the count; a replica whose count
   * differs from the live ones' is not admitted (the roster says theirs).
   */
  Future<Roster> heartbeat(String replica, int shards, Duration ttl);

  /** Removes {@code replica} at once (a graceful stop). */
  Future<Void> leave(String replica);

  /**
   * Who is alive.
   *
   * @param replicas the live replicas, the caller included when admitted
   * @param shards the shard count of the location's live replicas
   */
  record Roster(List<String> replicas, int shards) {
    public Roster {
      replicas = List.copyOf(replicas);
    }
  }
}
