package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class RedisLeasesTest {
  private static final Duration LONG = Duration.ofSeconds(30);
  @RegisterExtension
  static final TestRedis redis = TestRedis.start();
  private Redis client;
  private RedisLeases leases;

  @BeforeEach
  void connect(Vertx vertx) {
    redis.flushAll();
    client = Redis.createClient(vertx, RedisStore.clientOptions(redis.redisUrl(), redis.settings("r")));
    leases = new RedisLeases(client, Duration.ofSeconds(2));
  }

  @AfterEach
  void disconnect() {
    Await.result(client.close());
  }

  @Test
  @DisplayName("Of many replicas racing for a lease exactly one gets it, and the holder is that one")
  void onlyOneOwnerAtATime() {
    List<Future<OptionalLong>> racing = IntStream.range(0, 10)
        .mapToObj(i -> leases.acquire("clinic-a/login", "replica-" + i, LONG))
        .toList();
    List<OptionalLong> tokens = racing.stream().map(Await::result).toList();

    assertEquals(1, tokens.stream().filter(OptionalLong::isPresent).count());
    int winner = IntStream.range(0, 10).filter(i -> tokens.get(i).isPresent()).findFirst().orElseThrow();
    LeaseHolder holder = Await.result(leases.holder("clinic-a/login")).orElseThrow();
    assertEquals("replica-" + winner, holder.owner());
    assertEquals(tokens.get(winner).getAsLong(), holder.token());
    assertTrue(holder.remaining().compareTo(Duration.ofSeconds(25)) > 0);
  }

  @Test
  @DisplayName("The holder acquiring again keeps its token; another key is a lease of its own")
  void reacquireKeepsTheToken() {
    long token = Await.result(leases.acquire("k", "a", LONG)).orElseThrow();

    assertEquals(OptionalLong.of(token), Await.result(leases.acquire("k", "a", LONG)));
    assertTrue(Await.result(leases.acquire("other", "b", LONG)).isPresent());
  }

  @Test
  @DisplayName("An expired lease is taken over with a larger fencing token, and the old holder can no longer renew")
  void expiryAndTakeover() {
    long first = Await.result(leases.acquire("k", "a", Duration.ofMillis(150))).orElseThrow();
    assertEquals(OptionalLong.empty(), Await.result(leases.acquire("k", "b", LONG)));

    Await.until("the lease expired", Duration.ofSeconds(5), () -> Await.result(leases.holder("k")).isEmpty());
    long second = Await.result(leases.acquire("k", "b", LONG)).orElseThrow();

    assertTrue(second > first, second + " > " + first);
    assertFalse(Await.result(leases.renew("k", "a", first, LONG)));
    assertFalse(Await.result(leases.release("k", "a")));
    assertEquals("b", Await.result(leases.holder("k")).orElseThrow().owner());
  }

  @Test
  @DisplayName("Renewing extends the lease only for its owner with its token")
  void renewNeedsOwnerAndToken() {
    long token = Await.result(leases.acquire("k", "a", Duration.ofMillis(500))).orElseThrow();

    assertFalse(Await.result(leases.renew("k", "a", token + 1, LONG)));
    assertFalse(Await.result(leases.renew("k", "b", token, LONG)));
    assertTrue(Await.result(leases.renew("k", "a", token, LONG)));
    assertTrue(Await.result(leases.holder("k")).orElseThrow().remaining().compareTo(Duration.ofSeconds(25)) > 0);
  }

  @Test
  @DisplayName("Released leases are free for others, and fencing tokens keep growing across holders")
  void releaseFreesTheLease() {
    long a = Await.result(leases.acquire("k", "a", LONG)).orElseThrow();
    assertFalse(Await.result(leases.release("k", "b")));
    assertTrue(Await.result(leases.release("k", "a")));
    assertEquals(Optional.empty(), Await.result(leases.holder("k")));

    long b = Await.result(leases.acquire("k", "b", LONG)).orElseThrow();
    Await.result(leases.release("k", "b"));
    long c = Await.result(leases.acquire("k", "a", LONG)).orElseThrow();

    assertTrue(a < b && b < c, a + " < " + b + " < " + c);
  }

  @Test
  @DisplayName("Fencing tokens survive a Redis restart (append-only file)")
  void tokensSurviveARestart() {
    long before = Await.result(leases.acquire("k", "a", LONG)).orElseThrow();
    Await.result(leases.release("k", "a"));

    redis.stop();
    redis.restart();

    Await.until("answering again", Duration.ofSeconds(10),
        () -> leases.acquire("k", "b", LONG).toCompletionStage().toCompletableFuture()
            .handle((token, error) -> token != null && token.getAsLong() > before).join());
  }
}
