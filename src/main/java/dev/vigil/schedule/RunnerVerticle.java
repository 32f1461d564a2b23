package dev.vigil.schedule;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * A deployable runner: lends its event loop to the {@link RunnerPool}. Deploy one instance per
 * core. Holds no state of its own.
 */
public final class RunnerVerticle extends VerticleBase {
  private final RunnerPool pool;

  public RunnerVerticle(RunnerPool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    pool.register(context);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    pool.unregister(context);
    return Future.succeededFuture();
  }
}
