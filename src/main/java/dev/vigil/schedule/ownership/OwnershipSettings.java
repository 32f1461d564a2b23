package dev.vigil.schedule.ownership;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a replica takes part in sharing the checks out.
 *
 * @param location the location it checks from; it takes that location's shards only
 * @param shards the shard count of the location (the same on all its replicas)
 * @param leaseTtl how long a lease lasts without renewal: a dead replica's checks are taken over
 *     within about this; rounds run every third of it
 * @param replicaId who owns the leases: unique per process, so two processes with one name never
 *     pass for one owner
 * @param name the replica's stable name (its runner name), which its shard preferences derive
 *     from, so a restarted replica tends to get its shards back
 */
public record OwnershipSettings(String location, Shards shards, Duration leaseTtl, String replicaId, String name) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public OwnershipSettings {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(replicaId, "replicaId");
    Objects.requireNonNull(name, "name");
    if (leaseTtl.toMillis() < 3) {
      throw new IllegalArgumentException("a lease lasts at least 3 ms, not " + leaseTtl);
    }
  }

  /** For the replica named {@code name}: its id is the name and a random suffix. */
  public static OwnershipSettings of(String location, int shards, Duration leaseTtl, String name) {
    return new OwnershipSettings(location, new Shards(shards), leaseTtl,
        name + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt()), name);
  }

  /** How often leases are renewed and shares rebalanced: a third of the lease time. */
  Duration roundInterval() {
    return leaseTtl.dividedBy(3);
  }

  /**
   * How long after a renewal was sent the replica still counts on its lease: the lease time less a
   * tenth, so that it stops starting runs before Redis can hand the lease to another replica.
   */
  Duration provenFor() {
    return leaseTtl.minus(leaseTtl.dividedBy(10));
  }

  /** The lease key of a shard, under {@code vigil:lease:}. */
  String leaseKey(int shard) {
    return location + ":shard:" + shard;
  }
}
