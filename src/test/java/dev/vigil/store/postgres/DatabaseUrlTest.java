package dev.vigil.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DatabaseUrlTest {
  private static final String SECRET = "s3cr3t-Pa55";

  @Test
  @DisplayName("a database URL becomes connect options, and prints without its password")
  void parses() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://vigil:" + SECRET + "@db.example:6432/history?sslmode=disable");

    assertEquals("db.example", url.connectOptions().getHost());
    assertEquals(6432, url.connectOptions().getPort());
    assertEquals("history", url.connectOptions().getDatabase());
    assertEquals("vigil", url.connectOptions().getUser());
    assertEquals(SECRET, url.connectOptions().getPassword());
    assertEquals("postgresql://vigil:****@db.example:6432/history?sslmode=disable", url.toString());
  }

  @Test
  @DisplayName("an invalid URL is refused without showing its password")
  void invalid() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseUrl.parse("mysql://vigil:" + SECRET + "@db:3306/x"));
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertEquals("postgresql://u:****@h/d?password=****", DatabaseUrl.mask("postgresql://u:" + SECRET
        + "@h/d?password=" + SECRET));
    assertEquals("postgresql://u:****@h/d", DatabaseUrl.mask("postgresql://u:a/b@c@h/d"));
  }

  @Test
  @DisplayName("an unreachable database fails the start clearly, naming it without the password")
  void unreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Vertx vertx = Vertx.vertx();
    try {
      DatabaseUrl url = DatabaseUrl.parse("postgresql://vigil:" + SECRET + "@127.0.0.1:" + closedPort + "/history");
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> StoreTestSupport.await(PostgresStore.start(vertx, PostgresStore.Settings.external(url))));

      String message = e.getCause().getMessage();
      assertTrue(message.contains("PostgreSQL at postgresql://vigil:****@127.0.0.1:" + closedPort + "/history"), message);
      assertFalse(message.contains(SECRET), message);
    } finally {
      StoreTestSupport.await(vertx.close());
    }
  }
}
