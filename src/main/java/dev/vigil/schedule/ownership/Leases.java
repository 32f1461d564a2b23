package dev.vigil.schedule.ownership;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Leases with fencing tokens: one owner per key at a time, until it releases the lease or lets it
 * expire; every acquisition gets a larger token than all before it. A call that fails (timed out,
 * server away) may or may not have taken effect: callers treat it as "not known".
 */
public interface Leases {

  /** Takes the lease if free (or extends it if {@code owner} holds it): its token, empty if another owner holds it. */
  Future<OptionalLong> acquire(String key, String owner, Duration ttl);

  /** Extends the lease by {@code ttl} from now, only if {@code owner} still holds it with {@code token}. */
  Future<Boolean> renew(String key, String owner, long token, Duration ttl);

  /** Gives the lease up, only if {@code owner} holds it; true if it did. */
  Future<Boolean> release(String key, String owner);

  /** The owner of each of these leases that is held now (free ones are left out), in one call. */
  Future<Map<String, String>> owners(List<String> keys);
}
