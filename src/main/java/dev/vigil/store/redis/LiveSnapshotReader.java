package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.CheckKey;
import dev.vigil.store.ResultJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reads live state back from Redis in two pipelined round trips: each tenant's status and
 * latest-run hashes (which name its journeys), then each journey's recent runs.
 */
final class LiveSnapshotReader {
  private final Redis redis;
  private final int keep;
  private final Duration timeout;

  LiveSnapshotReader(Redis redis, int keep, Duration timeout) {
    this.redis = redis;
    this.keep = keep;
    this.timeout = timeout;
  }

  Future<LiveSnapshot> all() {
    return send(Request.cmd(Command.SMEMBERS).arg(LiveKeys.TENANTS))
        .compose(tenants -> of(tenants.stream().map(Response::toString).toList()));
  }

  Future<LiveSnapshot> of(Collection<String> tenantIds) {
    List<String> tenants = List.copyOf(new TreeSet<>(tenantIds));
    if (tenants.isEmpty()) {
      return Future.succeededFuture(new LiveSnapshot(List.of()));
    }
    List<Request> hashes = new ArrayList<>();
    for (String tenant : tenants) {
      hashes.add(Request.cmd(Command.HGETALL).arg(LiveKeys.statuses(tenant)));
      hashes.add(Request.cmd(Command.HGETALL).arg(LiveKeys.latestRuns(tenant)));
    }
    return batch(hashes).compose(replies -> {
      Map<CheckKey, Optional<StatusChange>> checks = new LinkedHashMap<>();
      for (int i = 0; i < tenants.size(); i++) {
        String tenant = tenants.get(i);
        Map<String, String> statuses = hash(replies.get(2 * i));
        Map<String, String> latest = hash(replies.get(2 * i + 1));
        TreeSet<String> journeys = new TreeSet<>(statuses.keySet());
        journeys.addAll(latest.keySet());
        journeys.forEach(journey -> checks.put(new CheckKey(tenant, journey),
            Optional.ofNullable(statuses.get(journey)).map(json -> ResultJson.decodeChange(new JsonObject(json)))));
      }
      return withRuns(checks);
    });
  }

  private Future<LiveSnapshot> withRuns(Map<CheckKey, Optional<StatusChange>> checks) {
    if (checks.isEmpty()) {
      return Future.succeededFuture(new LiveSnapshot(List.of()));
    }
    List<CheckKey> keys = List.copyOf(checks.keySet());
    List<Request> lists = keys.stream()
        .map(c -> Request.cmd(Command.LRANGE).arg(LiveKeys.runs(c.tenantId(), c.journeyId())).arg(0).arg(keep - 1))
        .toList();
    return batch(lists).map(replies -> {
      List<CheckLive> live = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        List<RunResult> runs = replies.get(i).stream()
            .map(json -> ResultJson.decodeRun(new JsonObject(json.toString())))
            .toList();
        live.add(new CheckLive(keys.get(i), checks.get(keys.get(i)), runs));
      }
      return new LiveSnapshot(live);
    });
  }

  /** A hash reply: a map under RESP3, field-value pairs under RESP2. */
  private static Map<String, String> hash(Response reply) {
    Map<String, String> hash = new LinkedHashMap<>();
    if (reply == null) {
      return hash;
    }
    if (reply.isMap()) {
      reply.getKeys().forEach(field -> hash.put(field, reply.get(field).toString()));
    } else {
      for (int i = 0; i + 1 < reply.size(); i += 2) {
        hash.put(reply.get(i).toString(), reply.get(i + 1).toString());
      }
    }
    return hash;
  }

  private Future<Response> send(Request request) {
    return redis.send(request).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Future<List<Response>> batch(List<Request> requests) {
    return redis.batch(requests).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
