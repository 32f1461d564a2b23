package dev.vigil.store.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for tests, in a temporary folder of its own, on 127.0.0.1. Cheap to start
 * (tens of ms): give each test class its own and call {@link #flushAll()} between tests, or start
 * one per test (try-with-resources) to stop, freeze or restart it. Registered as an extension on a
 * static field it is closed after the class's tests. Its methods block: call them from the test
 * thread, never from a Vert.x callback.
 *
 * <pre>{@code
 * @RegisterExtension static final TestRedis redis = TestRedis.start();
 * @BeforeEach void clean() { redis.flushAll(); }
 * }</pre>
 */
public final class TestRedis implements AutoCloseable, AfterAllCallback {
  private final Path dir;
  private final EmbeddedRedis server;

  private TestRedis(Path dir) {
    this.dir = dir;
    this.server = new EmbeddedRedis(dir);
  }

  /** Starts a server in a new temporary folder, deleted by {@link #close()}. */
  public static TestRedis start() {
    try {
      TestRedis redis = new TestRedis(Files.createTempDirectory("vigil-test-redis-"));
      redis.server.start();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return server.url();
  }

  public RedisUrl redisUrl() {
    return RedisUrl.parse(server.url());
  }

  public int port() {
    return server.port();
  }

  /** The temporary folder (data folder of the server). */
  public Path dir() {
    return dir;
  }

  /** Settings pointing at this server for the replica {@code replicaId}, with the defaults otherwise. */
  public RedisSettings settings(String replicaId) {
    return RedisSettings.of(Optional.of(redisUrl()), dir, replicaId);
  }

  /** Stops the server, as an outage would (its data is kept). */
  public void stop() {
    server.stop();
  }

  /** Starts it again on the same port with the same data. */
  public void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Freezes the server (SIGSTOP): connections stay open but nothing is answered, as with a hung host. */
  public void freeze() {
    signal("STOP");
  }

  /** Lets a frozen server go on (SIGCONT): it answers what it was sent meanwhile. */
  public void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    long pid = server.pid().orElseThrow(() -> new IllegalStateException("redis-server is not running"));
    try {
      int status = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
      if (status != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid + " exited with " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /** Empties every database. */
  public void flushAll() {
    command("FLUSHALL");
  }

  /**
   * Sends one command on a fresh connection and returns its reply's first line ({@code :3},
   * {@code +OK}), or for a bulk string its value ({@code $-1} for none): enough to check a count,
   * read a key or flush.
   */
  public String command(String... words) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5_000);
      StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      return line != null && line.startsWith("$") && !line.equals("$-1") ? in.readLine() : line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Stops the server and deletes its folder. */
  @Override
  public void close() {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
