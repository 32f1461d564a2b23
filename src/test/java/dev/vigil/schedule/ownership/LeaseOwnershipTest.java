package dev.vigil.schedule.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunLease;
import dev.vigil.schedule.CheckKey;
import dev.vigil.store.redis.RedisStore;
import dev.vigil.store.redis.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LeaseOwnershipTest {
  private static final int SHARDS = 32;
  private static final Duration TTL = Duration.ofMillis(1500);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  /** One check in each shard, so that a replica's proven shards can be read through its checks. */
  private static final List<CheckKey> ONE_PER_SHARD = onePerShard();

  @RegisterExtension
  static final TestRedis redis = TestRedis.start();

  private Vertx vertx;
  private final List<Replica> replicas = new ArrayList<>();

  private static List<CheckKey> onePerShard() {
    Shards shards = new Shards(SHARDS);
    Map<Integer, CheckKey> found = new HashMap<>();
    for (int i = 0; found.size() < SHARDS; i++) {
      CheckKey check = new CheckKey("tenant-" + i, "login");
      found.putIfAbsent(shards.of(check), check);
    }
    return java.util.stream.IntStream.range(0, SHARDS).mapToObj(found::get).toList();
  }

  /** One replica's ownership on an event loop of its own, with its own Redis client. */
  private final class Replica {
    final String name;
    final Context context = vertx.getOrCreateContext();
    final RedisStore store;
    final Paused calls;
    final LeaseOwnership ownership;
    final AtomicInteger changes = new AtomicInteger();

    Replica(String name, int shards) {
      this.name = name;
      this.store = await(RedisStore.start(vertx, redis.settings(name), new SimpleMeterRegistry()));
      this.calls = new Paused(context, store.leases(), store.membership("eu-west"));
      this.ownership = new LeaseOwnership(vertx, calls, calls,
          OwnershipSettings.of("eu-west", shards, TTL, name), System::nanoTime);
      context.runOnContext(v -> ownership.start(changes::incrementAndGet));
    }

    /** The shards whose lease this replica can prove now, by shard. */
    Map<Integer, RunLease> proven() {
      return onLoop(() -> {
        Map<Integer, RunLease> proven = new HashMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
          Optional<RunLease> lease = ownership.lease(ONE_PER_SHARD.get(shard));
          if (lease.isPresent()) {
            proven.put(shard, lease.get());
          }
        }
        return proven;
      });
    }

    Set<Integer> held() {
      return onLoop(() -> {
        Set<Integer> held = new HashSet<>();
        for (int shard = 0; shard < SHARDS; shard++) {
          if (ownership.holds(ONE_PER_SHARD.get(shard))) {
            held.add(shard);
          }
        }
        return held;
      });
    }

    void stop() {
      CompletableFuture<Void> stopped = new CompletableFuture<>();
      context.runOnContext(v -> ownership.stop().onComplete(done -> stopped.complete(null)));
      stopped.join();
    }

    private <T> T onLoop(Supplier<T> read) {
      CompletableFuture<T> value = new CompletableFuture<>();
      context.runOnContext(v -> value.complete(read.get()));
      return value.join();
    }
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    redis.flushAll();
  }

  @AfterEach
  void tearDown() {
    replicas.forEach(replica -> {
      replica.calls.resume();
      replica.stop();
      await(replica.store.close());
    });
  }

  private Replica replica(String name) {
    return replica(name, SHARDS);
  }

  private Replica replica(String name, int shards) {
    Replica replica = new Replica(name, shards);
    replicas.add(replica);
    return replica;
  }

  /** Every shard held by exactly one of these replicas, each within one of its fair share. */
  private boolean shared(List<Replica> among) {
    int fairShare = (SHARDS + among.size() - 1) / among.size();
    Set<Integer> all = new HashSet<>();
    int total = 0;
    for (Replica replica : among) {
      Set<Integer> held = replica.held();
      if (held.size() > fairShare || held.size() < fairShare - 1) {
        return false;
      }
      all.addAll(held);
      total += held.size();
    }
    return all.size() == SHARDS && total == SHARDS;
  }

  private Map<String, String> ownersInRedis(Replica reader) {
    List<String> keys = java.util.stream.IntStream.range(0, SHARDS).mapToObj(s -> "eu-west:shard:" + s).toList();
    return await(reader.store.leases().owners(keys));
  }

  @Test
  @DisplayName("three replicas share the shards evenly: each holds its fair share, every shard is held once")
  void fairShares() {
    List<Replica> three = List.of(replica("a"), replica("b"), replica("c"));

    until("the shards are shared out", () -> shared(three));

    Map<String, String> owners = ownersInRedis(three.get(0));
    assertEquals(SHARDS, owners.size());
    for (Replica replica : three) {
      long inRedis = owners.values().stream().filter(owner -> owner.startsWith(replica.name + "-")).count();
      assertEquals(replica.held().size(), inRedis, replica.name);
      assertEquals(replica.held(), replica.proven().keySet(), replica.name + " proves what it holds");
      assertEquals(3, replica.ownership.liveReplicas());
    }
  }

  @Test
  @DisplayName("a replica joining later gets its share from the others; one stopping gives its shards up at once")
  void joinAndLeave() {
    Replica a = replica("a");
    Replica b = replica("b");
    until("two replicas share", () -> shared(List.of(a, b)));

    Replica c = replica("c");
    until("the late replica has its share", () -> shared(List.of(a, b, c)));

    c.stop();
    Map<String, String> owners = ownersInRedis(a);
    assertTrue(owners.values().stream().noneMatch(owner -> owner.startsWith("c-")), "released at once: " + owners);
    until("the two others took its shards", () -> shared(List.of(a, b)));
  }

  @Test
  @DisplayName("a paused replica starts nothing once its leases lapse, before anyone can take them; the others take"
      + " its shards after the lease time with larger fencing tokens, and on waking it drops them")
  void pausedReplicaIsFenced() {
    Replica a = replica("a");
    Replica b = replica("b");
    Replica c = replica("c");
    until("the shards are shared out", () -> shared(List.of(a, b, c)));
    Map<Integer, RunLease> beforePause = c.proven();

    c.calls.pause();
    until("the others took the paused replica's shards", () -> {
      Map<Integer, RunLease> byA = a.proven();
      Map<Integer, RunLease> byB = b.proven();
      Map<Integer, RunLease> byC = c.proven();
      for (int shard = 0; shard < SHARDS; shard++) {
        int provers = (byA.containsKey(shard) ? 1 : 0) + (byB.containsKey(shard) ? 1 : 0) + (byC.containsKey(shard) ? 1 : 0);
        if (provers > 1) {
          throw new AssertionFailedError("shard " + shard + " proven by two replicas at once");
        }
      }
      return byA.size() + byB.size() == SHARDS;
    });
    Map<Integer, RunLease> takenOver = new HashMap<>(a.proven());
    takenOver.putAll(b.proven());
    beforePause.forEach((shard, old) ->
        assertTrue(takenOver.get(shard).token() > old.token(), "shard " + shard + ": a larger fencing token"));
    assertEquals(Map.of(), c.proven(), "the paused replica proves nothing");
    assertEquals(beforePause.keySet(), c.held(), "it does not know yet");

    c.calls.resume();
    until("it dropped them and took its share again", () -> shared(List.of(a, b, c)));
  }

  @Test
  @DisplayName("a replica with another shard count than the live ones takes nothing")
  void shardCountMismatch() {
    Replica a = replica("a");
    until("the first replica holds everything", () -> a.held().size() == SHARDS);

    Replica b = replica("b", SHARDS * 2);
    until("the second replica read the roster", () -> b.ownership.liveReplicas() == 1);
    int changesOfA = a.changes.get();
    sleep(TTL.multipliedBy(2));

    assertEquals(Set.of(), b.held());
    assertEquals(SHARDS, a.held().size());
    assertEquals(changesOfA, a.changes.get(), "the first replica kept its shards");
  }

  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionFailedError("not " + what + " within " + PATIENCE.toSeconds() + " s");
      }
      sleep(Duration.ofMillis(20));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted", e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionFailedError("the future did not succeed in 10 s: " + e, e);
    }
  }
}
