package dev.vigil.api;

import io.vertx.core.Future;
import java.util.function.BooleanSupplier;

/**
 * Asked by each {@code GET /health/ready}. Called on the API's event loop: it must not block.
 * A failed or late future reads as not ready (see {@link ApiVerticle}).
 */
@FunctionalInterface
public interface ReadinessCheck {

  Future<Readiness> check();

  /** Ready while {@code condition} holds, else not ready for {@code reasonWhenNot}. */
  static ReadinessCheck when(BooleanSupplier condition, String reasonWhenNot) {
    return () -> Future.succeededFuture(
        condition.getAsBoolean() ? Readiness.READY : Readiness.notReady(reasonWhenNot));
  }
}
