package dev.vigil.metrics;

import dev.vigil.api.ApiVerticle;
import dev.vigil.api.ReadinessCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Vigil's metrics served over a real socket, as the bootstrap wires them: a Vert.x created by
 * {@link VigilMetrics}, the {@link ApiVerticle} on an ephemeral port of 127.0.0.1, and a client
 * to call it.
 */
public final class ServedMetrics {
  public final VigilMetrics metrics = new VigilMetrics();
  public final Vertx vertx = metrics.vertxBuilder(new VertxOptions()).build();
  private final WebClient client;
  private final ApiVerticle api;

  private ServedMetrics(Function<VigilMetrics, Callable<String>> scrape, ReadinessCheck readiness) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDecompressionSupported(false));
    this.api = new ApiVerticle("127.0.0.1", 0, scrape.apply(metrics), readiness);
  }

  /** Deploys the API; completes once it listens. */
  public static Future<ServedMetrics> start(
      Function<VigilMetrics, Callable<String>> scrape, ReadinessCheck readiness) {
    ServedMetrics served = new ServedMetrics(scrape, readiness);
    return served.vertx.deployVerticle(served.api).map(id -> served);
  }

  public int port() {
    return api.port();
  }

  public WebClient client() {
    return client;
  }

  public Future<HttpResponse<Buffer>> get(String path) {
    return client.get(port(), "127.0.0.1", path).send();
  }

  /** {@code GET /metrics}, expected to answer 200, parsed. */
  public Future<Scraped> scrape() {
    return get("/metrics").map(response -> {
      if (response.statusCode() != 200) {
        throw new AssertionError("/metrics answered " + response.statusCode());
      }
      return Scraped.parse(response.bodyAsString());
    });
  }

  public Future<Void> close() {
    client.close();
    return vertx.close().andThen(closed -> metrics.close());
  }
}
