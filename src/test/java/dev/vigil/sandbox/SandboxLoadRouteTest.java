package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
@DisplayName("PUT /vigil/sandbox/load/<db>: simulated heavy users on one database")
class SandboxLoadRouteTest {
  private WebClient client;

  private Future<HttpResponse<Buffer>> put(SandboxOdoo sandbox, String db, String body) {
    return client.putAbs(sandbox.baseUrl() + "/vigil/sandbox/load/" + db).timeout(10_000).sendBuffer(Buffer.buffer(body));
  }

  @Test
  @DisplayName("users on one database keep the shared workers busy for it alone; users 0 stops them")
  void loadsOneDatabase(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    SandboxConfig config = SandboxConfig.defaults(18, "heavy", "light").withWorkers(2).withLatencyScale(0.1);
    SandboxOdoo.start(vertx, config).onComplete(ctx.succeeding(sandbox -> {
      SandboxControl control = sandbox.control();
      put(sandbox, "heavy", "{\"users\": 2}")
          .compose(response -> {
            ctx.verify(() -> {
              assertEquals(200, response.statusCode());
              assertEquals(new JsonObject().put("database", "heavy").put("users", 2), response.bodyAsJsonObject());
            });
            return until(vertx, () -> control.busyMillis("heavy") > 100);
          })
          .compose(busy -> put(sandbox, "heavy", "{\"users\": 0}"))
          .compose(response -> {
            ctx.verify(() -> assertEquals(200, response.statusCode()));
            return until(vertx, new Settled(control));
          })
          .onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            assertEquals(0, control.busyMillis("light"), "the other database did no work");
            assertEquals(0, control.busyWorkers());
            ctx.completeNow();
          })));
    }));
  }

  @Test
  @DisplayName("an unknown database is 404; a body without a whole number of users >= 0 is 400")
  void refusesWrongRequests(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "heavy")).onComplete(ctx.succeeding(sandbox ->
        Future.all(put(sandbox, "nope", "{\"users\": 1}"), put(sandbox, "heavy", "{\"users\": -1}"),
                put(sandbox, "heavy", "{\"users\": \"12\"}"), put(sandbox, "heavy", "twelve"))
            .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
              assertEquals(404, all.<HttpResponse<Buffer>>resultAt(0).statusCode());
              assertEquals(400, all.<HttpResponse<Buffer>>resultAt(1).statusCode());
              assertEquals(400, all.<HttpResponse<Buffer>>resultAt(2).statusCode());
              assertEquals(400, all.<HttpResponse<Buffer>>resultAt(3).statusCode());
              assertEquals(0, sandbox.control().busyWorkers());
              ctx.completeNow();
            })))));
  }

  /** True once the heavy database's worker time stopped growing between two checks. */
  private static final class Settled implements BooleanSupplier {
    private final SandboxControl control;
    private long last = -1;

    Settled(SandboxControl control) {
      this.control = control;
    }

    @Override
    public boolean getAsBoolean() {
      long now = control.busyMillis("heavy");
      boolean settled = now == last && control.busyWorkers() == 0;
      last = now;
      return settled;
    }
  }

  /** Completes when {@code condition} holds, checked every 100 ms. */
  private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> holds = Promise.promise();
    vertx.setPeriodic(100, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        holds.tryComplete();
      }
    });
    return holds.future();
  }
}
