package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.CheckKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RedisOutageTest {
  private static final List<CheckKey> CHECKS = List.of(
      new CheckKey("clinic-a", "login"), new CheckKey("clinic-a", "invoice-posting"), new CheckKey("clinic-b", "login"));

  private TestRedis redis;
  private Redis publisherClient;
  private Redis subscriberClient;
  private RedisLiveState live;
  private RedisEvents subscriber;
  private SimpleMeterRegistry registry;
  private final List<LiveEvent> received = new CopyOnWriteArrayList<>();
  private final Map<CheckKey, StatusChange> latestStatus = new LinkedHashMap<>();
  private int statusesSent;
  private final AtomicInteger resubscriptions = new AtomicInteger();

  @BeforeEach
  void start(Vertx vertx) {
    redis = TestRedis.start();
    RedisSettings publisher = redis.settings("replica-a");
    publisherClient = Redis.createClient(vertx, RedisStore.clientOptions(redis.redisUrl(), publisher));
    subscriberClient = Redis.createClient(vertx, RedisStore.clientOptions(redis.redisUrl(), redis.settings("replica-b")));
    registry = new SimpleMeterRegistry();
    live = new RedisLiveState(vertx, publisherClient, publisher, registry);
    subscriber = new RedisEvents(vertx, subscriberClient, publisher.channel(), Duration.ofSeconds(2), received::add)
        .resubscribedHandler(v -> resubscriptions.incrementAndGet());
    Await.result(subscriber.start());
  }

  @AfterEach
  void stop() {
    live.close();
    Await.result(subscriber.close());
    Await.result(publisherClient.close());
    Await.result(subscriberClient.close());
    redis.close();
  }

  @Test
  @DisplayName("Redis stopped while runs keep coming: the listener neither blocks nor throws, and once Redis is back "
      + "the live state is what it would have been and events flow again")
  void liveStateCatchesUpAfterAnOutage(Vertx vertx) {
    Context loop = vertx.getOrCreateContext();
    feed(loop, 1, 5);
    Await.until("caught up before the outage", Duration.ofSeconds(5), () -> live.dirtyChecks() == 0);
    Await.until("events of the first runs received", Duration.ofSeconds(5), () -> runEvents().contains(runId(CHECKS.get(2), 5)));

    redis.stop();
    long slowest = feed(loop, 6, 45);

    assertPrompt(slowest);
    Await.until("a write failure counted", Duration.ofSeconds(5),
        () -> registry.get("vigil.live.state.write.failures").counter().count() > 0);
    assertEquals(CHECKS.size(), live.dirtyChecks());
    assertEquals(CHECKS.size(), registry.get("vigil.live.state.dirty.checks").gauge().value());

    redis.restart();

    Await.until("caught up after the outage", Duration.ofSeconds(15), () -> live.dirtyChecks() == 0);
    LiveSnapshot snapshot = Await.result(live.snapshotAll());
    for (CheckKey check : CHECKS) {
      List<RunResult> expected = new ArrayList<>();
      IntStream.iterate(45, n -> n > 25, n -> n - 1).forEach(n -> expected.add(LiveRuns.run(check.tenantId(), check.journeyId(), n)));
      CheckLive actual = snapshot.check(check).orElseThrow();
      assertEquals(expected, actual.recentRuns(), check.toString());
      assertEquals(Optional.of(latestStatus.get(check)), actual.status(), check.toString());
    }

    Await.until("subscribed again", Duration.ofSeconds(10), () -> resubscriptions.get() == 1);
    feed(loop, 46, 46);
    Await.until("events received again after the restart", Duration.ofSeconds(10),
        () -> runEvents().contains(runId(CHECKS.get(0), 46)));
    assertTrue(received.stream().allMatch(e -> e.replica().equals("replica-a")));
  }

  @Test
  @DisplayName("Redis hung (frozen, connections open): writes time out, the listener stays prompt, and once Redis "
      + "answers again the writes it got late are not applied twice")
  void hungRedisTimesOut(Vertx vertx) {
    Context loop = vertx.getOrCreateContext();
    redis.freeze();
    try {
      assertPrompt(feed(loop, 1, 10));
      Await.until("a write timed out", Duration.ofSeconds(10),
          () -> registry.get("vigil.live.state.write.failures").counter().count() > 0);
      assertPrompt(feed(loop, 11, 30));
    } finally {
      redis.thaw();
    }

    Await.until("caught up", Duration.ofSeconds(15), () -> live.dirtyChecks() == 0);
    LiveSnapshot snapshot = Await.result(live.snapshotAll());
    for (CheckKey check : CHECKS) {
      List<RunResult> expected = new ArrayList<>();
      IntStream.iterate(30, n -> n > 10, n -> n - 1).forEach(n -> expected.add(LiveRuns.run(check.tenantId(), check.journeyId(), n)));
      assertEquals(expected, snapshot.check(check).orElseThrow().recentRuns(), check.toString());
    }
    Await.until("the last runs heard", Duration.ofSeconds(5), () -> runEvents().contains(runId(CHECKS.get(2), 30)));
    assertEquals(runEvents().size(), runEvents().stream().distinct().count(), "no run published twice");
  }

  /**
   * No listener call waits for Redis: each only records the run and at most starts a write. The
   * bound is loose so that a busy CI machine never fails it; a call waiting for Redis would take
   * the command timeout (2 s).
   */
  private static void assertPrompt(long slowestNanos) {
    assertTrue(slowestNanos < TimeUnit.MILLISECONDS.toNanos(500), "a listener call took " + slowestNanos / 1_000 + " µs");
  }

  /** Feeds runs {@code from..to} of every check (and a status change every 4th run) on the event loop; the slowest call. */
  private long feed(Context loop, int from, int to) {
    CompletableFuture<Long> slowest = new CompletableFuture<>();
    loop.runOnContext(v -> {
      long max = 0;
      try {
        for (int n = from; n <= to; n++) {
          for (CheckKey check : CHECKS) {
            long start = System.nanoTime();
            live.onRunCompleted(LiveRuns.run(check.tenantId(), check.journeyId(), n));
            if (n % 4 == 0) {
              StatusChange change = LiveRuns.status(check.tenantId(), check.journeyId(), n,
                  statusesSent++ % 2 == 0 ? Status.UP : Status.DOWN, statusesSent % 2 == 0 ? Status.UP : Status.DOWN);
              latestStatus.put(check, change);
              live.onStatusChanged(change);
            }
            max = Math.max(max, System.nanoTime() - start);
          }
        }
        slowest.complete(max);
      } catch (RuntimeException e) {
        slowest.completeExceptionally(e);
      }
    });
    return slowest.join();
  }

  private List<String> runEvents() {
    return received.stream()
        .filter(e -> e instanceof LiveEvent.RunEvent)
        .map(e -> ((LiveEvent.RunEvent) e).run().runId())
        .toList();
  }

  private static String runId(CheckKey check, int n) {
    return LiveRuns.runId(check.tenantId(), check.journeyId(), n);
  }
}
