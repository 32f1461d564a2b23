package dev.vigil.bootstrap;

import dev.vigil.store.ResultBatch;
import dev.vigil.store.ResultWriter;
import dev.vigil.store.postgres.PostgresStore;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The outbox's way into the PostgreSQL history, which may not be connected yet (an external
 * database that was down when Vigil started): until it is, every write fails, so results wait in
 * the outbox instead of being lost. Safe to use from any thread.
 */
final class HistoryWriter implements ResultWriter {
  private volatile PostgresStore store;
  private volatile String notConnected = "PostgreSQL is not connected yet";

  void connected(PostgresStore store) {
    this.store = store;
  }

  void notConnected(String why) {
    this.notConnected = why;
  }

  Optional<PostgresStore> store() {
    return Optional.ofNullable(store);
  }

  @Override
  public Future<Void> write(ResultBatch batch) {
    PostgresStore current = store;
    return current == null ? Future.failedFuture(notConnected) : current.writer().write(batch);
  }
}
