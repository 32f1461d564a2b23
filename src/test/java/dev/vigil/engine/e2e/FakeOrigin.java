package dev.vigil.engine.e2e;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A web origin other than the tenant's Odoo, for http steps: {@code /ok} answers JSON,
 * {@code /unavailable} 503, {@code /redirect-in} redirects to {@code /ok}, {@code /loop} to itself,
 * and {@code /redirect-out} to {@code target} (an origin the tenant does not allow).
 */
final class FakeOrigin extends VerticleBase {
  private final String target;
  private HttpServer server;

  FakeOrigin(String target) {
    this.target = target;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer().requestHandler(this::answer);
    return server.listen(0, "127.0.0.1");
  }

  /** {@code http://127.0.0.1:<port>}, once started. */
  String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void answer(HttpServerRequest request) {
    switch (request.path()) {
      case "/ok" -> request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"ok\"}");
      case "/unavailable" -> request.response().setStatusCode(503).end("Service Unavailable");
      case "/redirect-in" -> request.response().setStatusCode(302).putHeader("Location", "/ok").end();
      case "/loop" -> request.response().setStatusCode(302).putHeader("Location", "/loop").end();
      case "/redirect-out" -> request.response().setStatusCode(302).putHeader("Location", target).end();
      default -> request.response().setStatusCode(404).end();
    }
  }
}
