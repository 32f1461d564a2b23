package dev.vigil.store.redis;

import dev.vigil.schedule.ownership.Membership;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live replicas of one location, in Redis: a sorted set {@code vigil:replicas:<location>} of
 * replica ids scored by when each expires, and the location's shard count in
 * {@code vigil:shards:<location>}. A heartbeat is one Lua script on the server's clock (replicas'
 * clocks do not matter): it forgets expired replicas, admits this one unless its shard count
 * differs from the live replicas' (the first replica of an empty location sets it), and lists
 * who is alive. Every call has the command timeout; a failed call changes nothing known.
 */
public final class RedisMembership implements Membership {
  private static final String HEARTBEAT = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      local others = redis.call('ZCARD', KEYS[1])
      if redis.call('ZSCORE', KEYS[1], ARGV[1]) then others = others - 1 end
      local shards = redis.call('GET', KEYS[2])
      if others == 0 or not shards then
        shards = ARGV[3]
        redis.call('SET', KEYS[2], shards)
      end
      if shards == ARGV[3] then
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
      end
      return {tonumber(shards), redis.call('ZRANGE', KEYS[1], 0, -1)}
      """;

  private final Redis redis;
  private final Duration timeout;
  private final String replicasKey;
  private final String shardsKey;

  public RedisMembership(Redis redis, Duration timeout, String location) {
    this.redis = redis;
    this.timeout = timeout;
    this.replicasKey = "vigil:replicas:" + location;
    this.shardsKey = "vigil:shards:" + location;
  }

  @Override
  public Future<Roster> heartbeat(String replica, int shards, Duration ttl) {
    Request request = Request.cmd(Command.EVAL).arg(HEARTBEAT).arg(2).arg(replicasKey).arg(shardsKey)
        .arg(replica).arg(ttl.toMillis()).arg(shards);
    return send(request).map(reply -> {
      List<String> replicas = new ArrayList<>();
      reply.get(1).forEach(member -> replicas.add(member.toString()));
      return new Roster(replicas, reply.get(0).toInteger());
    });
  }

  @Override
  public Future<Void> leave(String replica) {
    return send(Request.cmd(Command.ZREM).arg(replicasKey).arg(replica)).mapEmpty();
  }

  private Future<Response> send(Request request) {
    return redis.send(request).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
