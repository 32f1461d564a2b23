package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.EmbeddedPostgres;
import dev.vigil.store.postgres.PostgresStore;
import dev.vigil.store.postgres.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(180)
@DisplayName("vigil token create, list and revoke")
class TokenCommandTest {
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", ".")).toAbsolutePath();
  private final Vertx vertx = Vertx.vertx();

  record Run(int exitCode, String out, String err) {}

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static Run vigil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = VigilCommand.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Path config(Path dir, String databaseUrl) throws Exception {
    return Files.writeString(dir.resolve("vigil.yaml"), String.join("\n",
        "database_url: " + databaseUrl,
        "data_dir: " + dir.resolve("data"),
        "tenants_dir: " + PROJECT.resolve("tenants"),
        "journeys_dir: " + PROJECT.resolve("journeys"),
        ""));
  }

  @Test
  @DisplayName("create prints the token once, alone on stdout; the database holds only its hash; revoke refuses it")
  void createListRevoke(@TempDir Path dir) throws Exception {
    String url = TestPostgres.freshDatabaseUrl();
    String config = config(dir, url).toString();
    Run created = vigil("token", "create", "--role", "tenant-admin", "--tenant", "clinic-north", "--label", "it lead",
        "--config", config);
    assertEquals(0, created.exitCode(), created.err());
    String token = created.out().strip();
    assertTrue(token.startsWith("vgl_") && !token.contains("\n"), created.out());
    assertFalse(created.err().contains(token));

    PostgresStore store = await(PostgresStore.start(vertx, PostgresStore.Settings.external(DatabaseUrl.parse(url))));
    try {
      TokenStore tokens = new TokenStore(store.pool(), InstantSource.system());
      Principal who = await(tokens.authenticate(token, "test")).orElseThrow();
      assertEquals(Role.TENANT_ADMIN, who.role());
      assertEquals(Optional.of("clinic-north"), who.tenantId());
      for (String table : new String[] {"api_tokens", "audit_log"}) {
        for (Row row : await(store.pool().query("SELECT t::text FROM " + table + " t").execute())) {
          assertFalse(row.getString(0).contains(token.substring(4)), table + " holds the token in clear");
        }
      }

      Run listed = vigil("token", "list", "--config", config);
      assertEquals(0, listed.exitCode(), listed.err());
      assertTrue(listed.out().contains("tenant-admin") && listed.out().contains("it lead"), listed.out());
      assertFalse(listed.out().contains(token));

      Run revoked = vigil("token", "revoke", who.tokenId(), "--config", config);
      assertEquals(0, revoked.exitCode(), revoked.err());
      assertTrue(await(tokens.authenticate(token, "test")).isEmpty());
      assertEquals(1, vigil("token", "revoke", who.tokenId(), "--config", config).exitCode());
    } finally {
      await(store.close());
    }
  }

  @Test
  @DisplayName("an unknown tenant, a missing --tenant or an unknown role is exit 2, nothing created")
  void refusesBadArguments(@TempDir Path dir) throws Exception {
    String config = config(dir, "postgresql://nobody@127.0.0.1:1/none").toString();
    Run unknown = vigil("token", "create", "--role", "tenant-admin", "--tenant", "clinic-nowhere", "--config", config);
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("no tenant 'clinic-nowhere'") && unknown.err().contains("clinic-north"),
        unknown.err());
    assertEquals(2, vigil("token", "create", "--role", "tenant-admin", "--config", config).exitCode());
    assertEquals(2, vigil("token", "create", "--role", "platform", "--tenant", "clinic-north", "--config", config).exitCode());
    assertEquals(2, vigil("token", "create", "--role", "root", "--config", config).exitCode());
    assertEquals(3, vigil("token", "create", "--role", "platform", "--config", config).exitCode());
  }

  @Test
  @DisplayName("with the embedded PostgreSQL of a running Vigil, the command connects to it instead of starting another")
  void usesTheRunningEmbeddedServer(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    EmbeddedPostgres running = TestPostgres.dedicated(dataDir).start();
    try {
      PostgresStore admin = await(PostgresStore.start(vertx, PostgresStore.Settings.external(
          DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + running.port() + "/postgres"))));
      await(admin.pool().query("CREATE DATABASE vigil").execute());
      await(admin.close());
      PostgresStore vigilDb = await(PostgresStore.start(vertx, PostgresStore.Settings.external(
          DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + running.port() + "/vigil"))));
      try {
        assertEquals(Optional.of(running.port()), TokenDatabase.runningPort(dataDir));
        Run created = vigil("token", "create", "--role", "platform", "--data-dir", dataDir.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.err().contains("running Vigil"), created.err());
        TokenStore tokens = new TokenStore(vigilDb.pool(), InstantSource.system());
        assertEquals(Role.PLATFORM, await(tokens.authenticate(created.out().strip(), "test")).orElseThrow().role());
        assertTrue(running.isRunning());
      } finally {
        await(vigilDb.close());
      }
    } finally {
      running.stop();
    }
  }
}
