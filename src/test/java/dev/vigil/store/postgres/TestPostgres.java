package dev.vigil.store.postgres;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' PostgreSQL: one embedded server per test JVM, started on first use, its files under
 * {@code <vigil.buildDir>/test-postgres/jvm-<pid>} (deleted when the JVM ends; the extracted
 * binaries are shared in {@code <vigil.buildDir>/test-postgres}). Durability is off (fsync): the
 * tests never survive a machine crash anyway. Every method blocks: call from the test thread.
 *
 * <p>{@link #freshDatabase()} gives each test a database of its own; {@link #dedicated(Path)} a
 * server of its own, to stop and restart (outage tests).
 */
public final class TestPostgres {
  private static final Map<String, String> FAST = Map.of("fsync", "off", "synchronous_commit", "off",
      "full_page_writes", "off", "max_connections", "300");
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres shared;
  private static Vertx adminVertx;
  private static Pool admin;

  private TestPostgres() {}

  /** The shared server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (shared == null) {
      Path dir = root().resolve("jvm-" + ProcessHandle.current().pid());
      EmbeddedPostgres server = dedicated(dir);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.stop();
        deleteQuietly(dir);
      }, "test-postgres-stop"));
      shared = server.start();
    }
    return shared;
  }

  /** Connect options of a brand-new, empty database on the shared server. */
  public static synchronized PgConnectOptions freshDatabase() {
    EmbeddedPostgres server = server();
    if (admin == null) {
      adminVertx = Vertx.vertx();
      admin = PostgresStore.pool(adminVertx, server.connectOptions("postgres"), 1);
    }
    String name = "test_" + DATABASES.incrementAndGet();
    try {
      admin.query("CREATE DATABASE " + name).execute().toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return server.connectOptions(name);
  }

  /** The same as {@link #freshDatabase()}, as a {@code postgresql://} URL. */
  public static String freshDatabaseUrl() {
    PgConnectOptions options = freshDatabase();
    return "postgresql://" + options.getUser() + "@" + options.getHost() + ":" + options.getPort() + "/"
        + options.getDatabase();
  }

  /**
   * A server of the caller's own in {@code dir}, not started: {@code start()}, {@code stop()} and
   * {@code start()} again (same port, same data) at will; the caller stops it at the end.
   */
  public static EmbeddedPostgres dedicated(Path dir) {
    return new EmbeddedPostgres(EmbeddedPostgres.Settings.of(dir).withBinariesCache(root()).withServerSettings(FAST));
  }

  /** Where test servers keep their files: {@code vigil.buildDir} (else {@code target}) / test-postgres. */
  public static Path root() {
    return Path.of(System.getProperty("vigil.buildDir", "target")).toAbsolutePath().resolve("test-postgres");
  }

  private static void deleteQuietly(Path dir) {
    try {
      PostgresBinaries.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
