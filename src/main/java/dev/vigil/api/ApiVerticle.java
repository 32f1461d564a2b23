package dev.vigil.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Vigil's HTTP server: {@code GET /metrics} (Prometheus text format 0.0.4, rendered on a worker
 * thread), {@code GET /health/live} and {@code GET /health/ready}, and the {@link ApiRoutes} it is
 * given (REST, live stream, gates, dashboard). Other paths are 404, other methods 405; under
 * {@code /api/} those answers, and any failure, are {@code application/problem+json}.
 *
 * <p>{@link #start()} completes once the server listens, and fails if it cannot (port taken);
 * {@link #port()} is usable from then on. Responses are gzip-compressed for clients that ask,
 * which Prometheus does: a large scrape shrinks thirtyfold. Undeploying closes the server.
 */
public final class ApiVerticle extends VerticleBase {
  /** A readiness check slower than this is not ready: probes must answer before they time out. */
  static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

  private final String host;
  private final int port;
  private final Callable<String> metrics;
  private final ReadinessCheck readiness;
  private final List<ApiRoutes> routes;
  private volatile HttpServer server;

  /**
   * @param port 0 picks a free port
   * @param metrics renders the Prometheus text (a {@link dev.vigil.metrics.PrometheusScrape});
   *     called on a worker thread
   * @param readiness asked on the event loop for each {@code /health/ready}
   */
  public ApiVerticle(String host, int port, Callable<String> metrics, ReadinessCheck readiness) {
    this(host, port, metrics, readiness, List.of());
  }

  /** @param routes mounted in this order, after the metrics and health routes */
  public ApiVerticle(String host, int port, Callable<String> metrics, ReadinessCheck readiness,
      List<ApiRoutes> routes) {
    this.host = host;
    this.port = port;
    this.metrics = metrics;
    this.readiness = readiness;
    this.routes = List.copyOf(routes);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(new MetricsHandler(metrics));
    HealthHandler health = new HealthHandler(readiness, READINESS_TIMEOUT);
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    routes.forEach(group -> group.mount(router));
    ApiProblem.answerErrorsOf(router);
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(router)
        .listen(port, host)
        .onSuccess(listening -> server = listening);
  }

  @Override
  public Future<?> stop() {
    return Future.join(routes.stream().map(ApiRoutes::close).toList());
  }

  /**
   * The port the server listens on (the ephemeral one when configured with 0).
   *
   * @throws IllegalStateException before {@link #start()} completed
   */
  public int port() {
    HttpServer listening = server;
    if (listening == null) {
      throw new IllegalStateException("the API server is not listening yet");
    }
    return listening.actualPort();
  }
}
