package dev.vigil.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health/live} and {@code /health/ready} for Kubernetes probes and load balancers.
 * Liveness answers 200 {@code {"status":"UP"}} whenever the event loop can answer at all.
 * Readiness answers 200 {@code {"status":"UP"}} when the check says ready, else 503
 * {@code {"status":"DOWN","reason":...}}; a check that fails, throws or does not answer within its
 * timeout is not ready, with that as the reason. Runs on the event loop.
 */
final class HealthHandler {
  private static final String APPLICATION_JSON = "application/json";

  private final ReadinessCheck readiness;
  private final Duration timeout;

  HealthHandler(ReadinessCheck readiness, Duration timeout) {
    this.readiness = readiness;
    this.timeout = timeout;
  }

  void live(RoutingContext ctx) {
    send(ctx, 200, new JsonObject().put("status", "UP"));
  }

  void ready(RoutingContext ctx) {
    ask().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .recover(failure -> Future.succeededFuture(Readiness.notReady(describe(failure))))
        .onSuccess(readiness -> {
          if (readiness.ready()) {
            send(ctx, 200, new JsonObject().put("status", "UP"));
          } else {
            send(ctx, 503, new JsonObject().put("status", "DOWN").put("reason", readiness.reason()));
          }
        });
  }

  private Future<Readiness> ask() {
    try {
      return readiness.check();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return "readiness check failed: " + (message == null ? failure.getClass().getSimpleName() : message);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
