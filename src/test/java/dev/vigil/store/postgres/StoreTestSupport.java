package dev.vigil.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** A {@link PostgresStore} on a fresh database of the shared test server, and a way to wait. */
final class StoreTestSupport {
  private StoreTestSupport() {}

  static PostgresStore freshStore(Vertx vertx, Retention retention, Clock clock) throws Exception {
    PostgresStore.Settings settings = PostgresStore.Settings.external(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()))
        .withRetention(retention);
    return await(PostgresStore.start(vertx, settings, clock));
  }

  static long count(PostgresStore store, String sql) throws Exception {
    Row row = await(store.pool().query(sql).execute()).iterator().next();
    return row.getLong(0) == null ? 0 : row.getLong(0);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }
}
