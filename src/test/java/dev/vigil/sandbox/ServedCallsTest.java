package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ServedCallsTest {
  private SandboxRpc client;

  @Test
  @DisplayName("An observer hears every answered request with its database, path and a service time that covers the worker's hold")
  void observerHearsServedCalls(Vertx vertx, VertxTestContext testContext) {
    List<ServedCall> heard = new CopyOnWriteArrayList<>();
    SandboxConfig config = SandboxConfig.defaults(18, "clinic").withLatencyScale(1.0);
    SandboxOdoo.start(vertx, config).compose(sandbox -> {
      client = new SandboxRpc(vertx, sandbox);
      return client.login("clinic", "admin", "admin")
          .compose(loggedIn -> sandbox.control().observeCalls(heard::add))
          .compose(observing -> client.plain().get("/web/health").send())
          .compose(health -> client.call("res.partner", "search_count", new JsonArray()))
          .compose(counted -> sandbox.control().observeCalls(null))
          .compose(stopped -> client.plain().get("/web/health").send())
          .eventually(sandbox::stop);
    }).onComplete(testContext.succeeding(done -> testContext.verify(() -> {
      assertEquals(2, heard.size(), "the login before and the health check after observing are not heard");
      ServedCall health = heard.get(0);
      assertNull(health.database());
      assertEquals("/web/health", health.path());
      assertTrue(health.serviceNanos() >= Duration.ofMillis(12).toNanos(), "holds a worker 12 ms: " + health);
      ServedCall count = heard.get(1);
      assertEquals("clinic", count.database());
      assertEquals("/web/dataset/call_kw/res.partner/search_count", count.path());
      assertTrue(count.serviceNanos() >= Duration.ofMillis(6).toNanos(), "holds a worker 6 ms: " + count);
      assertTrue(count.receivedAtNanos() > health.receivedAtNanos());
      testContext.completeNow();
    })));
  }
}
