package dev.vigil.store;

import io.vertx.core.Future;

/**
 * Where results end up for good (the PostgreSQL history). A write is idempotent: writing a batch
 * again, whole or in part, after a failure or a restart, never stores anything twice (runs and
 * status changes are keyed by run id, and what they add to rollups is counted once).
 */
public interface ResultWriter {

  /** Completes once the whole batch is durably stored; fails if any of it could not be. */
  Future<Void> write(ResultBatch batch);
}
