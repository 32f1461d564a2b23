package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class RedisEventsTest {
  @RegisterExtension
  static final TestRedis redis = TestRedis.start();
  private RedisStore publisher;
  private RedisStore subscriber;
  private final List<LiveEvent> heardByB = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startReplicas(Vertx vertx) {
    redis.flushAll();
    publisher = Await.result(RedisStore.start(vertx, redis.settings("replica-a"), new SimpleMeterRegistry()));
    subscriber = Await.result(RedisStore.start(vertx, redis.settings("replica-b"), new SimpleMeterRegistry()));
    Await.result(subscriber.events(heardByB::add).start());
  }

  @AfterEach
  void stopReplicas() {
    Await.result(publisher.close());
    Await.result(subscriber.close());
  }

  @Test
  @DisplayName("Runs and status changes of one replica reach the subscriber of another, in order, naming the replica")
  void eventsCrossReplicas() {
    RunResult run = LiveRuns.run("clinic-a", "login", 3);
    StatusChange down = LiveRuns.status("clinic-a", "login", 3, Status.PENDING, Status.DOWN);

    publisher.liveState().onRunCompleted(run);
    publisher.liveState().onStatusChanged(down);

    Await.until("two events heard", Duration.ofSeconds(5), () -> heardByB.size() == 2);
    assertEquals(new LiveEvent.RunEvent("replica-a", run), heardByB.get(0));
    assertEquals(new LiveEvent.StatusEvent("replica-a", down), heardByB.get(1));
  }

  @Test
  @DisplayName("A message that is not an event is skipped and the next event still arrives")
  void aForeignMessageIsSkipped() {
    assertEquals(":1", redis.command("PUBLISH", RedisSettings.DEFAULT_CHANNEL, "not json"));
    publisher.liveState().onRunCompleted(LiveRuns.run("clinic-a", "login", 1));

    Await.until("the run heard", Duration.ofSeconds(5), () -> heardByB.size() == 1);
    assertInstanceOf(LiveEvent.RunEvent.class, heardByB.get(0));
  }

  @Test
  @DisplayName("After close the subscriber hears nothing and its connection is gone")
  void closeUnsubscribes() {
    Await.result(subscriber.close());

    assertEquals(":0", redis.command("PUBLISH", RedisSettings.DEFAULT_CHANNEL, "anyone?"));
  }

  @Test
  @DisplayName("An event of an unknown type is refused by the decoder")
  void unknownTypeIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> LiveEvent.decode("{\"type\":\"gossip\",\"replica\":\"a\",\"data\":{}}"));
    assertThrows(IllegalArgumentException.class, () -> LiveEvent.decode("[1,2]"));
  }
}
