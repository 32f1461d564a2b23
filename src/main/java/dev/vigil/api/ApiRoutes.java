package dev.vigil.api;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/**
 * A group of routes the {@link ApiVerticle} serves besides {@code /metrics} and {@code /health/*}
 * (the REST resources, the live stream, the HTTP gate, the dashboard). {@link #mount} is called
 * once, on the API verticle's event loop, while it starts; {@link #close} when it stops.
 */
public interface ApiRoutes {

  /** Adds the routes to the router (and starts whatever they need on the calling event loop). */
  void mount(Router router);

  /** Releases what {@link #mount} started (timers, subscriptions); the default has nothing to release. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
