package dev.vigil.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedPostgresTest {
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  @Test
  @DisplayName("a stopped server starts again on the same port with its data")
  void restartKeepsData() throws Exception {
    Path dir = TestPostgres.root().resolve("restart-" + ProcessHandle.current().pid());
    EmbeddedPostgres server = TestPostgres.dedicated(dir).start();
    try {
      int port = server.port();
      query(server, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      server.stop();
      assertFalse(server.isRunning());

      server.start();

      assertEquals(port, server.port());
      assertEquals("still here", query(server, "SELECT v FROM kept").get(0).getString(0));
    } finally {
      server.stop();
      PostgresBinaries.deleteTree(dir);
    }
  }

  @Test
  @DisplayName("after a crash, a stale postmaster.pid (dead or reused process id) does not stop the next start")
  void stalePidFile() throws Exception {
    Path dir = TestPostgres.root().resolve("stale-" + ProcessHandle.current().pid());
    EmbeddedPostgres server = TestPostgres.dedicated(dir).start();
    try {
      query(server, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
      query(server, "CHECKPOINT"); // the tests' server does not wait for WAL flushes (synchronous_commit off)
      long pid = server.pid().orElseThrow();
      new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      Path pidFile = server.dataDirectory().resolve("postmaster.pid");
      assertTrue(Files.exists(pidFile), "a killed server leaves its pid file");

      server.start();
      assertEquals(7, query(server, "SELECT v FROM kept").get(0).getInteger(0));
      server.stop();

      // the pid file now names a live process that is not PostgreSQL: this very JVM
      Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + server.dataDirectory() + "\n");
      server.start();
      assertEquals(7, query(server, "SELECT v FROM kept").get(0).getInteger(0));
    } finally {
      server.stop();
      PostgresBinaries.deleteTree(dir);
    }
  }

  private List<Row> query(EmbeddedPostgres server, String sql) throws Exception {
    Pool pool = PostgresStore.pool(vertx, server.connectOptions("postgres"), 1);
    try {
      List<Row> rows = new java.util.ArrayList<>();
      await(pool.query(sql).execute()).forEach(rows::add);
      return rows;
    } finally {
      await(pool.close());
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
