package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.sandbox.capacity.CapacityModel;
import dev.vigil.sandbox.capacity.DatabaseConditions;
import dev.vigil.sandbox.capacity.ServerCounters;
import dev.vigil.sandbox.capacity.WorkerPool;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The databases of one sandbox server share its workers. These tests observe queueing through the
 * server's gauges and counters, never through elapsed time.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class CapacityModelTest {
  private SandboxRpc heavy;
  private SandboxRpc light;

  private Future<SandboxOdoo> twoTenants(Vertx vertx, double latencyScale) {
    SandboxConfig config = SandboxConfig.defaults(18, "heavy", "light").withWorkers(1).withLatencyScale(latencyScale);
    return SandboxOdoo.start(vertx, config).compose(sandbox -> {
      heavy = new SandboxRpc(vertx, sandbox);
      light = new SandboxRpc(vertx, sandbox);
      return heavy.login("heavy", "admin", "admin")
          .compose(login -> light.login("light", "admin", "admin"))
          .map(sandbox);
    });
  }

  /** Completes when {@code condition} holds, checking every few milliseconds. */
  private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> holds = Promise.promise();
    vertx.setPeriodic(2, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        holds.tryComplete();
      }
    });
    return holds.future();
  }

  private static Future<JsonObject> count(SandboxRpc client) {
    return client.call("res.partner", "search_count", new JsonArray());
  }

  @Test
  @DisplayName("With one worker, a light database's call queues behind a hung neighbour and is answered only after it")
  void lightCallQueuesBehindHungNeighbour(Vertx vertx, VertxTestContext testContext) {
    JsonObject seen = new JsonObject();
    twoTenants(vertx, 0).compose(sandbox -> {
      SandboxControl control = sandbox.control();
      return control.hang("heavy").compose(hung -> {
        Future<JsonObject> heavyCall = count(heavy);
        return until(vertx, () -> control.busyWorkers() == 1).compose(busy -> {
          Future<JsonObject> lightCall = count(light);
          return until(vertx, () -> control.queueDepth() == 1).compose(queued -> {
            seen.put("answeredWhileHung", heavyCall.isComplete() || lightCall.isComplete());
            seen.put("lightWaitsBefore", control.waitedCalls("light"));
            return control.release("heavy");
          }).compose(released -> Future.all(heavyCall, lightCall));
        }).map(both -> seen
            .put("lightWaits", control.waitedCalls("light"))
            .put("heavyWaits", control.waitedCalls("heavy"))
            .put("queueAfter", control.queueDepth())
            .put("lightAnswer", both.<JsonObject>resultAt(1).getInteger("result")));
      }).eventually(sandbox::stop);
    }).onComplete(testContext.succeeding(done -> testContext.verify(() -> {
      assertFalse(seen.getBoolean("answeredWhileHung"), "no answer while the only worker hangs");
      assertEquals(0, seen.getLong("lightWaitsBefore"), "still queued, not yet served");
      assertEquals(1, seen.getLong("lightWaits"), "the light call waited for the worker");
      assertEquals(0, seen.getLong("heavyWaits"));
      assertEquals(0, seen.getInteger("queueAfter"));
      assertEquals(13, seen.getInteger("lightAnswer"), "and was answered normally");
      testContext.completeNow();
    })));
  }

  @Test
  @DisplayName("A heavy workload on one database keeps the shared worker busy, so the other database's call waits")
  void heavyWorkloadMakesNeighboursWait(Vertx vertx, VertxTestContext testContext) {
    JsonObject seen = new JsonObject();
    twoTenants(vertx, 1.0).compose(sandbox -> {
      SandboxControl control = sandbox.control();
      seen.put("waitsAlone", control.waitedCalls("light"));
      return count(light)
          .compose(alone -> {
            seen.put("waitsAfterQuietCall", control.waitedCalls("light"));
            return control.setBackgroundLoad("heavy", 1);
          })
          .compose(loaded -> until(vertx, () -> control.busyWorkers() == 1))
          .compose(busy -> count(light))
          .map(answer -> seen.put("waitsUnderLoad", control.waitedCalls("light")).put("answer", answer.getInteger("result")))
          .compose(measured -> control.setBackgroundLoad("heavy", 0))
          .eventually(sandbox::stop);
    }).onComplete(testContext.succeeding(done -> testContext.verify(() -> {
      assertEquals(0, seen.getLong("waitsAlone"), "logging in on a quiet server does not wait");
      assertEquals(0, seen.getLong("waitsAfterQuietCall"));
      assertEquals(1, seen.getLong("waitsUnderLoad"), "under the neighbour's load the call waited for the worker");
      assertEquals(13, seen.getInteger("answer"));
      testContext.completeNow();
    })));
  }

  @Test
  @DisplayName("A database's latency multiplier stretches its own service times only, on top of the latency scale")
  void multiplierScalesOneDatabase(Vertx vertx, VertxTestContext testContext) {
    DatabaseConditions conditions = new DatabaseConditions();
    CapacityModel capacity = new CapacityModel(vertx, new WorkerPool(vertx.getOrCreateContext(), 1), conditions,
        new ServerCounters(), 0.5);
    conditions.setMultiplier("heavy", 4);
    testContext.verify(() -> {
      assertEquals(200, capacity.serviceMillis("heavy", 100));
      assertEquals(50, capacity.serviceMillis("light", 100));
      assertEquals(50, capacity.serviceMillis(null, 100));
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("Control refuses unknown databases and meaningless values")
  void controlValidates(Vertx vertx, VertxTestContext testContext) {
    twoTenants(vertx, 0).compose(sandbox -> {
      SandboxControl control = sandbox.control();
      List<Future<Void>> refused = List.of(control.hang("nowhere"), control.setLatencyMultiplier("light", 0),
          control.setBackgroundLoad("light", -1), control.setDown("nowhere", true));
      return control.setLatencyMultiplier("light", 3)
          .map(accepted -> refused.stream().map(Future::failed).toList())
          .eventually(sandbox::stop);
    }).onComplete(testContext.succeeding(failed -> testContext.verify(() -> {
      assertEquals(List.of(true, true, true, true), failed);
      testContext.completeNow();
    })));
  }
}
