package dev.vigil.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The two ways of running PostgreSQL as root; skipped when the tests do not run as root. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServerUserTest {

  @Test
  @DisplayName("as root, PostgreSQL runs as nobody through setpriv, its folder chowned, and restarts with its data")
  void nobody() throws Exception {
    assumeTrue(ServerUser.detect() != ServerUser.CURRENT, "not root");
    Path dir = TestPostgres.root().resolve("nobody-" + ProcessHandle.current().pid());
    EmbeddedPostgres server = new EmbeddedPostgres(settings(dir), ServerUser.NOBODY);
    try {
      server.start();
      assertEquals(65534, Files.getAttribute(server.dataDirectory(), "unix:uid"));
      server.stop();
      server.start();
      assertTrue(server.isRunning());
    } finally {
      server.stop();
      PostgresBinaries.deleteTree(dir);
    }
  }

  @Test
  @DisplayName("as nobody, a parent folder closed to others is named with its fix")
  void closedParent() throws Exception {
    assumeTrue(ServerUser.detect() != ServerUser.CURRENT, "not root");
    Path closed = TestPostgres.root().resolve("closed-" + ProcessHandle.current().pid());
    Files.createDirectories(closed, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      EmbeddedPostgres server = new EmbeddedPostgres(settings(closed.resolve("vigil")), ServerUser.NOBODY);
      IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
      assertTrue(e.getMessage().contains("cannot reach " + closed) && e.getMessage().contains("chmod o+x " + closed),
          e.getMessage());
    } finally {
      PostgresBinaries.deleteTree(closed);
    }
  }

  @Test
  @DisplayName("as root with user namespaces, the server's files stay root's")
  void userNamespace() throws Exception {
    assumeTrue(ServerUser.detect() == ServerUser.USER_NAMESPACE, "no user namespaces here");
    Path dir = TestPostgres.root().resolve("userns-" + ProcessHandle.current().pid());
    EmbeddedPostgres server = new EmbeddedPostgres(settings(dir), ServerUser.USER_NAMESPACE);
    try {
      server.start();
      assertEquals(0, Files.getAttribute(server.dataDirectory().resolve("postmaster.pid"), "unix:uid"));
    } finally {
      server.stop();
      PostgresBinaries.deleteTree(dir);
    }
  }

  private static EmbeddedPostgres.Settings settings(Path dir) {
    return EmbeddedPostgres.Settings.of(dir).withBinariesCache(TestPostgres.root());
  }
}
