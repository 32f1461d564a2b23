package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.CheckKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class RedisLiveStateTest {
  @RegisterExtension
  static final TestRedis redis = TestRedis.start();
  private Redis client;
  private RedisLiveState live;
  private SimpleMeterRegistry registry;

  @BeforeEach
  void connect(Vertx vertx) {
    redis.flushAll();
    RedisSettings settings = redis.settings("replica-a").withRecentRuns(5);
    client = Redis.createClient(vertx, RedisStore.clientOptions(redis.redisUrl(), settings));
    registry = new SimpleMeterRegistry();
    live = new RedisLiveState(vertx, client, settings, registry);
  }

  @AfterEach
  void disconnect() {
    live.close();
    Await.result(client.close());
  }

  @Test
  @DisplayName("Each check keeps its newest runs, newest first, its latest run and its latest status")
  void keepsTheNewestRunsAndTheLatestStatus() {
    List<RunResult> runs = IntStream.rangeClosed(1, 12).mapToObj(n -> LiveRuns.run("clinic-a", "login", n)).toList();
    runs.forEach(live::onRunCompleted);
    live.onStatusChanged(LiveRuns.status("clinic-a", "login", 1, null, Status.UP));
    StatusChange down = LiveRuns.status("clinic-a", "login", 12, Status.PENDING, Status.DOWN);
    live.onStatusChanged(down);
    live.onRunCompleted(LiveRuns.run("clinic-b", "health", 1));

    Await.until("caught up", Duration.ofSeconds(5), () -> live.dirtyChecks() == 0);

    CheckLive login = Await.result(live.snapshot(List.of("clinic-a"))).check(new CheckKey("clinic-a", "login")).orElseThrow();
    assertEquals(List.of(runs.get(11), runs.get(10), runs.get(9), runs.get(8), runs.get(7)), login.recentRuns());
    assertEquals(Optional.of(runs.get(11)), login.latestRun());
    assertEquals(Optional.of(down), login.status());
    assertEquals(":5", redis.command("LLEN", LiveKeys.runs("clinic-a", "login")));

    LiveSnapshot all = Await.result(live.snapshotAll());
    assertEquals(List.of(new CheckKey("clinic-a", "login"), new CheckKey("clinic-b", "health")),
        all.checks().stream().map(CheckLive::check).toList());
    assertEquals(Optional.empty(), all.check(new CheckKey("clinic-b", "health")).orElseThrow().status());
    assertEquals(0.0, registry.get("vigil.live.state.write.failures").counter().count());
  }

  @Test
  @DisplayName("A tenant without live state has an empty snapshot")
  void anUnknownTenantHasNoChecks() {
    assertEquals(List.of(), Await.result(live.snapshot(List.of("nobody"))).checks());
    assertEquals(List.of(), Await.result(live.snapshotAll()).checks());
  }

  @Test
  @DisplayName("A write sent twice (its reply lost) pushes no run twice and publishes nothing twice")
  void aRepeatedWriteIsIdempotent() {
    PendingCheck pending = new PendingCheck(5);
    IntStream.rangeClosed(1, 3).forEach(n -> pending.add(LiveRuns.run("clinic-a", "login", n)));
    pending.add(LiveRuns.status("clinic-a", "login", 3, null, Status.UP));
    CheckKey check = new CheckKey("clinic-a", "login");

    Await.result(client.send(LiveWrite.request(check, pending, 5, "vigil:events", "replica-a")));
    pending.add(LiveRuns.run("clinic-a", "login", 4));
    Await.result(client.send(LiveWrite.request(check, pending, 5, "vigil:events", "replica-a")));

    CheckLive login = Await.result(live.snapshot(List.of("clinic-a"))).check(check).orElseThrow();
    assertEquals(List.of(4, 3, 2, 1), login.recentRuns().stream()
        .map(r -> Integer.parseInt(r.runId().substring(r.runId().length() - 5))).toList());
    assertTrue(login.status().isPresent());
  }
}
