package dev.vigil.api;

import dev.vigil.metrics.PrometheusScrape;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: the Prometheus scrape, rendered on a worker thread because rendering
 * every series of tens of thousands of tenants takes far longer than an event loop may be held.
 * Scrapes are ordered per API instance, so concurrent scrapers queue instead of multiplying the
 * CPU spent. A failed rendering answers 500 and is logged.
 */
final class MetricsHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsHandler.class);

  private final Callable<String> scrape;

  MetricsHandler(Callable<String> scrape) {
    this.scrape = scrape;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.vertx().executeBlocking(scrape)
        .onSuccess(text -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, PrometheusScrape.CONTENT_TYPE)
            .end(text))
        .onFailure(failure -> {
          LOG.error("Rendering /metrics failed", failure);
          ctx.fail(500, failure);
        });
  }
}
