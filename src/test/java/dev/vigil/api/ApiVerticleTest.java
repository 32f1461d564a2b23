package dev.vigil.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.metrics.PrometheusScrape;
import dev.vigil.metrics.Scraped;
import dev.vigil.metrics.ServedMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The API server's /metrics and health endpoints")
class ApiVerticleTest {
  static final JsonObject UP = new JsonObject().put("status", "UP");

  final AtomicBoolean catalogLoaded = new AtomicBoolean(false);
  /** What the readiness check answers; by default, whether the catalog is loaded. */
  final AtomicReference<ReadinessCheck> readiness =
      new AtomicReference<>(ReadinessCheck.when(catalogLoaded::get, "catalog not loaded"));
  final AtomicBoolean scrapeFails = new AtomicBoolean(false);

  ServedMetrics served;

  @BeforeEach
  void start(VertxTestContext ctx) {
    ServedMetrics.start(
            m -> () -> {
              if (scrapeFails.get()) {
                throw new IllegalStateException("registry gone");
              }
              return new PrometheusScrape(m.registry(), List.of()).call();
            },
            () -> readiness.get().check())
        .onComplete(ctx.succeeding(started -> {
          served = started;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    served.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Liveness answers 200 with status UP as JSON")
  void live(VertxTestContext ctx) {
    served.get("/health/live").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertEquals(200, response.statusCode());
      assertEquals("application/json", response.getHeader("Content-Type"));
      assertEquals(UP, response.bodyAsJsonObject());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Readiness answers 503 with the reason until the check says ready, then 200")
  void readyOnceTheCheckSaysSo(VertxTestContext ctx) {
    served.get("/health/ready")
        .compose(before -> {
          ctx.verify(() -> {
            assertEquals(503, before.statusCode());
            assertEquals("application/json", before.getHeader("Content-Type"));
            assertEquals(new JsonObject().put("status", "DOWN").put("reason", "catalog not loaded"),
                before.bodyAsJsonObject());
          });
          catalogLoaded.set(true);
          return served.get("/health/ready");
        })
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertEquals(200, after.statusCode());
          assertEquals(UP, after.bodyAsJsonObject());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A readiness check that fails or throws reads as not ready, with its message")
  void failingCheck(VertxTestContext ctx) {
    readiness.set(() -> Future.failedFuture("redis unreachable"));
    served.get("/health/ready")
        .compose(failed -> {
          ctx.verify(() -> {
            assertEquals(503, failed.statusCode());
            assertEquals("readiness check failed: redis unreachable",
                failed.bodyAsJsonObject().getString("reason"));
          });
          readiness.set(() -> {
            throw new IllegalStateException("catalog half-built");
          });
          return served.get("/health/ready");
        })
        .onComplete(ctx.succeeding(threw -> ctx.verify(() -> {
          assertEquals(503, threw.statusCode());
          assertEquals("readiness check failed: catalog half-built", threw.bodyAsJsonObject().getString("reason"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A readiness check that never answers reads as not ready once its timeout passes")
  void hangingCheck(VertxTestContext ctx) {
    readiness.set(() -> Promise.<Readiness>promise().future());
    served.get("/health/ready").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertEquals(503, response.statusCode());
      assertTrue(response.bodyAsJsonObject().getString("reason").startsWith("readiness check failed: "),
          response.bodyAsString());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("/metrics answers in the Prometheus text format 0.0.4")
  void metricsFormat(VertxTestContext ctx) {
    served.get("/metrics").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertEquals(200, response.statusCode());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", response.getHeader("Content-Type"));
      assertTrue(Scraped.parse(response.bodyAsString()).has("jvm_memory_used_bytes"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("/metrics is gzip-compressed for a scraper that accepts it")
  void metricsCompressed(VertxTestContext ctx) {
    served.client().get(served.port(), "127.0.0.1", "/metrics").putHeader("Accept-Encoding", "gzip").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertEquals(200, response.statusCode());
          assertEquals("gzip", response.getHeader("Content-Encoding"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A scrape that fails answers 500")
  void scrapeFailure(VertxTestContext ctx) {
    scrapeFails.set(true);
    served.get("/metrics").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertEquals(500, response.statusCode());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Other paths and methods are not served")
  void nothingElse(VertxTestContext ctx) {
    served.get("/api/v1/tenants")
        .compose(missing -> {
          ctx.verify(() -> assertEquals(404, missing.statusCode()));
          return served.client().post(served.port(), "127.0.0.1", "/metrics").send();
        })
        .onComplete(ctx.succeeding(post -> ctx.verify(() -> {
          assertEquals(405, post.statusCode());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Asked for port 0, the server reports the ephemeral port it got; before it listens, it says so")
  void ephemeralPort(VertxTestContext ctx) {
    ApiVerticle notStarted = new ApiVerticle("127.0.0.1", 0, () -> "", ReadinessCheck.when(() -> true, ""));
    assertThrows(IllegalStateException.class, notStarted::port);
    assertTrue(served.port() > 0);
    served.get("/health/live").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertEquals(200, response.statusCode());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Deploying on a port already taken fails instead of pretending to listen")
  void portTaken(VertxTestContext ctx) throws IOException {
    ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    ApiVerticle api = new ApiVerticle("127.0.0.1", taken.getLocalPort(), () -> "", ReadinessCheck.when(() -> true, ""));
    served.vertx.deployVerticle(api)
        .eventually(() -> {
          try {
            taken.close();
            return Future.succeededFuture();
          } catch (IOException e) {
            return Future.failedFuture(e);
          }
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertInstanceOf(BindException.class, failure, failure.toString());
          ctx.completeNow();
        })));
  }
}
