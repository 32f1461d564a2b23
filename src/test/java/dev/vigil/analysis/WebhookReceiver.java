package dev.vigil.analysis;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 for tests: keeps every POST body by path; the first
 * {@code failures} requests are answered 503, the rest 200.
 */
public final class WebhookReceiver extends VerticleBase {
  /** One request received. */
  public record Received(String path, Buffer body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;
  private final AtomicInteger attempts = new AtomicInteger();
  private HttpServer server;

  public WebhookReceiver(int failures) {
    this.failuresLeft = new AtomicInteger(failures);
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      attempts.incrementAndGet();
      if (failuresLeft.getAndDecrement() > 0) {
        request.response().setStatusCode(503).end();
        return;
      }
      received.add(new Received(request.path(), body));
      request.response().setStatusCode(200).end();
    }));
    return server.listen(0, "127.0.0.1");
  }

  /** {@code http://127.0.0.1:<port><path>}, once started. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Requests answered, 503s included. */
  public int attempts() {
    return attempts.get();
  }
}
