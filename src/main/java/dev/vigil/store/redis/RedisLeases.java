package dev.vigil.store.redis;

import dev.vigil.schedule.ownership.Leases;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Leases with fencing tokens, on which replicas share the checks out: one owner
 * at a time per key, until it releases the lease or lets it expire. Each acquisition gets a
 * fencing token from a per-key counter that never expires (and survives restarts with the
 * append-only file), so a later holder always has a larger token than every earlier one: a write
 * carrying its token can be refused once a newer holder exists. Each operation is one atomic Lua
 * script with the command timeout; a timed-out call may or may not have taken effect, so callers
 * treat it as "not known to hold the lease".
 *
 * <p>Keys: {@code vigil:lease:<key>} holds {@code <token> <owner>} with the lease's expiry,
 * {@code vigil:lease-fence:<key>} the counter.
 */
public final class RedisLeases implements Leases {
  private static final String PREFIX = "vigil:lease:";
  private static final String ACQUIRE = """
      local held = redis.call('GET', KEYS[1])
      if held then
        local token, owner = string.match(held, '^(%d+) (.*)$')
        if owner ~= ARGV[1] then return -1 end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return tonumber(token)
      end
      local token = redis.call('INCR', KEYS[2])
      redis.call('SET', KEYS[1], token .. ' ' .. ARGV[1], 'PX', ARGV[2])
      return token
      """;
  private static final String RENEW = """
      if redis.call('GET', KEYS[1]) == ARGV[2] .. ' ' .. ARGV[1] then
        return redis.call('PEXPIRE', KEYS[1], ARGV[3])
      end
      return 0
      """;
  private static final String RELEASE = """
      local held = redis.call('GET', KEYS[1])
      if held and string.match(held, '^%d+ (.*)$') == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;
  private static final String HOLDER = """
      local held = redis.call('GET', KEYS[1])
      if not held then return false end
      return {held, redis.call('PTTL', KEYS[1])}
      """;

  private final Redis redis;
  private final Duration timeout;

  public RedisLeases(Redis redis, Duration timeout) {
    this.redis = redis;
    this.timeout = timeout;
  }

  @Override
  public Future<Map<String, String>> owners(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Request request = Request.cmd(Command.MGET);
    keys.forEach(key -> request.arg(PREFIX + key));
    return redis.send(request).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).map(reply -> {
      Map<String, String> owners = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        Response held = reply.get(i);
        if (held != null) {
          String value = held.toString();
          owners.put(keys.get(i), value.substring(value.indexOf(' ') + 1));
        }
      }
      return owners;
    });
  }

  /**
   * Takes the lease for {@code ttl} if nobody holds it; if {@code owner} holds it already, extends
   * it and returns the token it has.
   *
   * @return the fencing token, empty if another owner holds the lease
   */
  @Override
  public Future<OptionalLong> acquire(String key, String owner, Duration ttl) {
    requireValid(key, owner, ttl);
    return eval(ACQUIRE, key, owner, Long.toString(ttl.toMillis()))
        .map(reply -> reply.toLong() < 0 ? OptionalLong.empty() : OptionalLong.of(reply.toLong()));
  }

  /** Extends the lease by {@code ttl} from now, only if {@code owner} still holds it with {@code token}. */
  @Override
  public Future<Boolean> renew(String key, String owner, long token, Duration ttl) {
    requireValid(key, owner, ttl);
    return eval(RENEW, key, owner, Long.toString(token), Long.toString(ttl.toMillis()))
        .map(reply -> reply.toLong() == 1);
  }

  /** Gives the lease up, only if {@code owner} holds it; true if it did. */
  @Override
  public Future<Boolean> release(String key, String owner) {
    requireValid(key, owner, Duration.ofMillis(1));
    return eval(RELEASE, key, owner).map(reply -> reply.toLong() == 1);
  }

  /** Who holds the lease now, if anyone. */
  public Future<Optional<LeaseHolder>> holder(String key) {
    return eval(HOLDER, key).map(reply -> {
      if (reply == null) {
        return Optional.empty();
      }
      String held = reply.get(0).toString();
      int space = held.indexOf(' ');
      return Optional.of(new LeaseHolder(held.substring(space + 1), Long.parseLong(held.substring(0, space)),
          Duration.ofMillis(Math.max(0, reply.get(1).toLong()))));
    });
  }

  /** Misuse is a bug of the caller's, not an outcome: it throws instead of failing the future. */
  private static void requireValid(String key, String owner, Duration ttl) {
    if (key.isEmpty() || owner.isEmpty()) {
      throw new IllegalArgumentException("a lease needs a key and an owner");
    }
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("a lease lasts at least 1 ms, not " + ttl);
    }
  }

  private Future<Response> eval(String script, String key, String... args) {
    Request request = Request.cmd(Command.EVAL).arg(script).arg(2)
        .arg(PREFIX + key).arg("vigil:lease-fence:" + key);
    for (String arg : args) {
      request.arg(arg);
    }
    return redis.send(request).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
