package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunResult;
import dev.vigil.schedule.CheckKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class RedisStoreTest {

  @Test
  @DisplayName("Without a URL the store runs its own redis-server in the data folder and stops it on close")
  void embeddedWithoutUrl(Vertx vertx, @TempDir Path dataDir) {
    RedisStore store = Await.result(RedisStore.start(vertx, RedisSettings.of(Optional.empty(), dataDir, "solo"),
        new SimpleMeterRegistry()));
    EmbeddedRedis server = store.embedded().orElseThrow();
    assertTrue(server.isRunning());
    assertTrue(Files.isDirectory(dataDir.resolve("redis")));

    RunResult run = LiveRuns.run("clinic-a", "login", 1);
    store.liveState().onRunCompleted(run);
    Await.until("written", Duration.ofSeconds(5), () -> store.liveState().dirtyChecks() == 0);
    assertEquals(List.of(run), Await.result(store.liveState().snapshot(List.of("clinic-a")))
        .check(new CheckKey("clinic-a", "login")).orElseThrow().recentRuns());

    Await.result(store.close());
    assertFalse(server.isRunning());
  }

  @Test
  @DisplayName("With a URL of a server that is down, the store starts anyway and catches up when it comes")
  void startsWhileRedisIsDown(Vertx vertx) {
    try (TestRedis redis = TestRedis.start()) {
      redis.stop();
      RedisStore store = Await.result(RedisStore.start(vertx, redis.settings("r"), new SimpleMeterRegistry()));
      RunResult run = LiveRuns.run("clinic-a", "login", 7);
      store.liveState().onRunCompleted(run);
      assertEquals(Optional.empty(), store.embedded());

      redis.restart();

      Await.until("caught up", Duration.ofSeconds(10), () -> store.liveState().dirtyChecks() == 0);
      assertEquals(Optional.of(run), Await.result(store.liveState().snapshotAll())
          .check(new CheckKey("clinic-a", "login")).orElseThrow().latestRun());
      Await.result(store.close());
    }
  }
}
