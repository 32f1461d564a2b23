package dev.vigil.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.PostgresStore;
import dev.vigil.store.postgres.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tokens in a real PostgreSQL. */
class TokenStoreTest {
  private final Vertx vertx = Vertx.vertx();
  private PostgresStore store;
  private TokenStore tokens;

  @BeforeEach
  void start() throws Exception {
    store = await(PostgresStore.start(vertx, PostgresStore.Settings.external(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()))));
    tokens = new TokenStore(store.pool(), new FailureThrottle(Instant::now, 3, Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(15), 1000));
  }

  @AfterEach
  void stop() throws Exception {
    await(store.close());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A created token authenticates as its role and tenant, and is stored only as a hash")
  void createAndAuthenticate() throws Exception {
    IssuedToken admin = await(tokens.create(Role.TENANT_ADMIN, Optional.of("clinic-north"), "north IT", Optional.empty()));
    IssuedToken platform = await(tokens.create(Role.PLATFORM, Optional.empty(), "sre", Optional.empty()));

    assertEquals(Optional.of(admin.principal()), await(tokens.authenticate(admin.token(), "10.0.0.1")));
    assertEquals(Optional.of(platform.principal()), await(tokens.authenticate(platform.token(), "10.0.0.1")));
    assertEquals(Role.TENANT_ADMIN, admin.principal().role());
    assertFalse(admin.toString().contains(admin.token()));
    String everything = dump("api_tokens") + dump("audit_log");
    assertFalse(everything.contains(admin.token()) || everything.contains(admin.token().substring(4)),
        "the token is nowhere in the database");
    assertTrue(dump("audit_log").contains("token.create"));
  }

  @Test
  @DisplayName("A revoked token is refused from the next request on, and reported among revoked ids")
  void revoke() throws Exception {
    IssuedToken gate = await(tokens.create(Role.GATE, Optional.empty(), "ci", Optional.empty()));
    IssuedToken other = await(tokens.create(Role.GATE, Optional.empty(), "ci-2", Optional.empty()));
    assertTrue(await(tokens.authenticate(gate.token(), "ci")).isPresent());

    assertTrue(await(tokens.revoke(gate.principal().tokenId(), Optional.of(other.principal()))));

    assertEquals(Optional.empty(), await(tokens.authenticate(gate.token(), "ci")));
    assertFalse(await(tokens.revoke(gate.principal().tokenId(), Optional.empty())), "already revoked");
    assertEquals(Set.of(gate.principal().tokenId()),
        await(tokens.revokedAmong(List.of(gate.principal().tokenId(), other.principal().tokenId()))));
    assertTrue(await(tokens.list()).stream().anyMatch(t -> t.principal().equals(gate.principal()) && t.revokedAt().isPresent()));
    assertTrue(dump("audit_log").contains("token.revoke"));
  }

  @Test
  @DisplayName("A client that keeps presenting bad tokens is slowed down; other clients are not")
  void throttle() throws Exception {
    IssuedToken platform = await(tokens.create(Role.PLATFORM, Optional.empty(), "sre", Optional.empty()));
    assertEquals(Optional.empty(), await(tokens.authenticate("vgl_" + "A".repeat(43), "attacker")));
    assertEquals(Optional.empty(), await(tokens.authenticate("not a token", "attacker")));
    assertEquals(Optional.empty(), await(tokens.authenticate(platform.token() + "x", "attacker")));

    ExecutionException slowed = assertThrows(ExecutionException.class,
        () -> await(tokens.authenticate(platform.token(), "attacker")));
    assertInstanceOf(TooManyFailures.class, slowed.getCause());
    assertTrue(await(tokens.authenticate(platform.token(), "someone-else")).isPresent());
  }

  @Test
  @DisplayName("Only a tenant-admin token names a tenant")
  void roleAndTenant() {
    assertThrows(IllegalArgumentException.class,
        () -> tokens.create(Role.TENANT_ADMIN, Optional.empty(), "x", Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> tokens.create(Role.PLATFORM, Optional.of("clinic-north"), "x", Optional.empty()));
  }

  private String dump(String table) throws Exception {
    StringBuilder text = new StringBuilder();
    for (Row row : await(store.pool().query("SELECT * FROM " + table).execute())) {
      text.append(row.toJson().encode()).append('\n');
      for (int i = 0; i < row.size(); i++) {
        if (row.getValue(i) instanceof io.vertx.core.buffer.Buffer buffer) {
          text.append(new String(buffer.getBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
    }
    return text.toString();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
