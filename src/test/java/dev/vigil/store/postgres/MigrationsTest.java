package dev.vigil.store.postgres;

import static dev.vigil.store.postgres.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MigrationsTest {
  private Vertx vertx;
  private Pool first;
  private Pool second;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    PgConnectOptions database = TestPostgres.freshDatabase();
    first = PostgresStore.pool(vertx, database, 2);
    second = PostgresStore.pool(vertx, database, 2);
  }

  @AfterEach
  void tearDown() throws Exception {
    await(first.close());
    await(second.close());
    await(vertx.close());
  }

  @Test
  @DisplayName("two replicas migrating the same database at once apply each migration once")
  void concurrentStart() throws Exception {
    Future<List<Integer>> a = new Migrations(vertx, first).apply();
    Future<List<Integer>> b = new Migrations(vertx, second).apply();
    await(Future.join(a, b));

    assertTrue(a.succeeded() && b.succeeded(), "both migrators succeed");
    assertEquals(List.of(1, 2, 3), Stream.concat(a.result().stream(), b.result().stream()).toList());
    assertEquals(3L, await(first.query("SELECT count(*) FROM schema_migrations").execute()).iterator().next().getLong(0));
  }

  @Test
  @DisplayName("migrating an up-to-date database changes nothing")
  void idempotent() throws Exception {
    assertEquals(List.of(1, 2, 3), await(new Migrations(vertx, first).apply()));
    assertEquals(List.of(), await(new Migrations(vertx, first).apply()));
    assertEquals(List.of(), await(new Migrations(vertx, second).apply()));
  }

  @Test
  @DisplayName("a migration changed after it was applied stops the start")
  void changedMigration() throws Exception {
    await(new Migrations(vertx, first).apply());
    await(first.query("UPDATE schema_migrations SET checksum = 'edited'").execute());

    Future<List<Integer>> again = new Migrations(vertx, first).apply();
    Throwable failure = assertThrowsCause(again);
    assertTrue(failure.getMessage().contains("V001__results_schema.sql was changed"), failure.getMessage());
  }

  @Test
  @DisplayName("every migration file is listed, in order")
  void everyFileListed() throws Exception {
    Path folder = Path.of(System.getProperty("vigil.project.dir", "."), "src/main/resources/db/migration");
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(), Migrations.FILES);
    }
  }

  private static Throwable assertThrowsCause(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
