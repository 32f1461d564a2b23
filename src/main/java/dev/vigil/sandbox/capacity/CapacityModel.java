package dev.vigil.sandbox.capacity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs requests the way an Odoo server with a fixed number of workers does: a request waits for
 * a free worker (every database of the server shares them), waits while its database is hung,
 * holds the worker for its service time (base × latency scale × the database's multiplier), then
 * does its work and releases the worker. Timers, never sleeps; runs on the sandbox's context.
 */
public final class CapacityModel {
  private final Vertx vertx;
  private final WorkerPool pool;
  private final DatabaseConditions conditions;
  private final ServerCounters counters;
  private final double latencyScale;

  public CapacityModel(
      Vertx vertx, WorkerPool pool, DatabaseConditions conditions, ServerCounters counters, double latencyScale) {
    this.vertx = vertx;
    this.pool = pool;
    this.conditions = conditions;
    this.counters = counters;
    this.latencyScale = latencyScale;
  }

  /**
   * Runs {@code work} for database {@code db} (null: no database, e.g. {@code /web/health}) on a
   * worker after {@code baseMillis} of service time. Fails only if {@code work} throws.
   */
  public <T> Future<T> run(String db, long baseMillis, Supplier<T> work) {
    return pool.acquire().compose(lease -> {
      if (lease.waited()) {
        counters.countWait(db);
      }
      long millis = serviceMillis(db, baseMillis);
      return conditions.passage(db)
          .compose(ignored -> delay(millis))
          .andThen(ignored -> counters.countBusy(db, millis))
          .map(ignored -> work.get())
          .eventually(() -> {
            lease.release();
            return Future.succeededFuture();
          });
    });
  }

  /** The service time of a request of {@code db} now. */
  public long serviceMillis(String db, long baseMillis) {
    return Math.round(baseMillis * latencyScale * conditions.multiplier(db));
  }

  private Future<Void> delay(long millis) {
    return millis <= 0 ? Future.succeededFuture() : vertx.timer(millis).mapEmpty();
  }
}
