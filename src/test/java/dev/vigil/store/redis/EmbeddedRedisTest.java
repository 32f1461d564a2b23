package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisTest {

  @Test
  @DisplayName("Stopped and started again, the server keeps its port and its data (append-only file)")
  void restartKeepsPortAndData() {
    try (TestRedis redis = TestRedis.start()) {
      int port = redis.port();
      assertEquals("+OK", redis.command("SET", "vigil:test", "kept"));
      assertTrue(Files.isExecutable(redis.dir().resolve("redis-7.0.15/redis-server")));

      redis.stop();
      assertFalse(redis.isRunning());
      redis.restart();

      assertEquals(port, redis.port());
      assertEquals("kept", redis.command("GET", "vigil:test"));
      assertTrue(Files.isDirectory(redis.dir().resolve("redis/appendonlydir")));
    }
  }

  @Test
  @DisplayName("Starting a running server or stopping a stopped one does nothing")
  void startAndStopAreIdempotent(@TempDir Path dir) throws IOException {
    try (EmbeddedRedis redis = new EmbeddedRedis(dir)) {
      redis.start();
      long pid = redis.pid().orElseThrow();
      redis.start();
      assertEquals(pid, redis.pid().orElseThrow());
      redis.stop();
      redis.stop();
      assertFalse(redis.isRunning());
    }
  }

  @Test
  @DisplayName("A server that cannot start fails with the end of its log")
  void aFailedStartShowsTheLog(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("redis"));
    Files.writeString(dir.resolve("redis/appendonlydir"), "a file where redis wants its folder");
    try (EmbeddedRedis redis = new EmbeddedRedis(dir)) {
      IOException error = assertThrows(IOException.class, redis::start);

      assertTrue(error.getMessage().contains("redis-server exited"), error.getMessage());
      assertTrue(error.getMessage().contains("redis-server.log"), error.getMessage());
      assertTrue(error.getMessage().toLowerCase().contains("append"), error.getMessage());
      assertFalse(redis.isRunning());
    }
  }

  @Test
  @DisplayName("The server dies with its JVM, even one killed with -9")
  void diesWithAKilledJvm(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")),
        "needs setpriv (util-linux)");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EmbeddedRedisChild.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
    try {
      long pid = redisPid(child);
      assertTrue(running(pid), "redis-server " + pid + " runs");

      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      Await.until("redis-server " + pid + " gone", Duration.ofSeconds(10), () -> !running(pid));
    } finally {
      child.destroyForcibly();
    }
  }

  private static long redisPid(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("pid ")) {
        return Long.parseLong(line.substring(4).strip());
      }
    }
    throw new IOException("the child JVM ended without starting redis-server");
  }

  /** Alive and not a zombie waiting to be reaped. */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }
}
