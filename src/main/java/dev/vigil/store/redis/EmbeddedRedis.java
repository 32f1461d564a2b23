package dev.vigil.store.redis;

import dev.vigil.store.ProcessSpawner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} (7.0.15, the static Linux build shipped in
 * {@code org.signal:embedded-redis}) run as a child process, for when no {@code VIGIL_REDIS_URL}
 * is given. The binary is copied to {@code <dataDir>/redis-7.0.15/redis-server}; the server keeps
 * its append-only file in {@code <dataDir>/redis}, so live state and lease counters survive a
 * restart, and logs to {@code <dataDir>/redis/redis-server.log}. It listens on 127.0.0.1 only, on
 * a free port picked at the first start and kept across restarts (clients keep their address).
 *
 * <p>The server dies with the JVM: where {@code setpriv} exists it is started with a
 * parent-death signal, from a thread that lives as long as this object (see
 * {@link ProcessSpawner}). Every method blocks (file copies, process waits, socket pings): call it
 * at start-up or from a worker thread, never on an event loop.
 */
public final class EmbeddedRedis implements AutoCloseable {
  public static final String VERSION = "7.0.15";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 15;

  private final Path dataDir;
  private final ProcessSpawner spawner = new ProcessSpawner("vigil-redis-spawner");
  private int port;
  private Process process;

  /** @param dataDir Vigil's data folder; the server's files go in sub-folders of it */
  public EmbeddedRedis(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath();
  }

  /**
   * Starts the server and returns once it answers PING; does nothing if it runs already.
   *
   * @throws IOException if it cannot be installed or started, or does not answer in time (the
   *     message carries the end of its log)
   */
  public synchronized void start() throws IOException {
    if (isRunning()) {
      return;
    }
    Path binary = installBinary();
    Path redisDir = Files.createDirectories(dataDir.resolve("redis"));
    Path logFile = redisDir.resolve("redis-server.log");
    if (port == 0) {
      port = freePort();
    }
    ProcessBuilder builder = new ProcessBuilder(command(binary, redisDir))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    LOG.info("starting embedded redis-server {} on 127.0.0.1:{} with data in {}", VERSION, port, redisDir);
    long startedAt = System.nanoTime();
    process = spawner.start(builder);
    try {
      awaitPing(logFile);
    } catch (IOException e) {
      destroy(process);
      process = null;
      throw e;
    }
    LOG.info("embedded redis-server ready on 127.0.0.1:{} in {} ms", port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
  }

  /**
   * Stops the server: SIGTERM (it flushes its append-only file and exits), SIGKILL if it has not
   * exited after 10 s. Does nothing if it is not running.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    LOG.info("stopping embedded redis-server on 127.0.0.1:{}", port);
    destroy(process);
    process = null;
  }

  /** Stops the server and ends the thread that started it. */
  @Override
  public synchronized void close() {
    stop();
    spawner.close();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The port, picked at the first {@link #start()}; 0 before. */
  public synchronized int port() {
    return port;
  }

  /** The URL clients connect to, e.g. {@code redis://127.0.0.1:41234}. */
  public synchronized String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The server process's id, while it runs. */
  public synchronized Optional<Long> pid() {
    return Optional.ofNullable(process).map(Process::pid);
  }

  private List<String> command(Path binary, Path redisDir) {
    List<String> command = new ArrayList<>();
    setpriv().ifPresent(setpriv -> command.addAll(List.of(setpriv.toString(), "--pdeathsig", "TERM", "--")));
    command.addAll(List.of(binary.toString(),
        "--port", Integer.toString(port),
        "--bind", "127.0.0.1",
        "--protected-mode", "yes",
        "--daemonize", "no",
        "--dir", redisDir.toString(),
        "--logfile", "",
        // Live state must survive a restart: an append-only file fsynced every second, no RDB snapshots.
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", ""));
    return command;
  }

  private Path installBinary() throws IOException {
    String resource = "/redis-server-" + VERSION + "-linux-" + arch();
    Path target = dataDir.resolve("redis-" + VERSION).resolve("redis-server");
    try (InputStream in = EmbeddedRedis.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the redis-server binary " + resource + " is not on the class path");
      }
      byte[] bytes = in.readAllBytes();
      if (!Files.isExecutable(target) || Files.size(target) != bytes.length) {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "redis-server", ".part");
        Files.write(partial, bytes);
        if (!partial.toFile().setExecutable(true, true)) {
          throw new IOException("cannot make " + partial + " executable");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("installed redis-server {} in {}", VERSION, target);
      }
    }
    return target;
  }

  private static String arch() throws IOException {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      throw new IOException("the embedded redis-server runs on Linux only (this is " + os + "); set VIGIL_REDIS_URL");
    }
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> throw new IOException("no embedded redis-server for " + arch + "; set VIGIL_REDIS_URL");
    };
  }

  private static Optional<Path> setpriv() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
    return Stream.of(path.split(":"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "setpriv"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private void awaitPing(Path logFile) throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with status " + process.exitValue() + " before answering PING"
            + logTail(logFile));
      }
      try {
        last = ping();
        if (last.equals("+PONG")) {
          return;
        }
      } catch (IOException e) {
        last = e.getMessage();
      }
      sleep(Duration.ofMillis(50));
    }
    throw new IOException("redis-server did not answer PING on 127.0.0.1:" + port + " within "
        + READY_TIMEOUT.toSeconds() + " s (last: " + last + ")" + logTail(logFile));
  }

  private String ping() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      return line == null ? "connection closed" : line;
    }
  }

  private static String logTail(Path logFile) {
    try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      List<String> tail = all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size());
      return "; end of " + logFile + ":\n  " + String.join("\n  ", tail);
    } catch (IOException | RuntimeException e) {
      return "; its log " + logFile + " cannot be read: " + e.getMessage();
    }
  }

  private void destroy(Process server) {
    server.destroy();
    try {
      if (!server.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("redis-server on 127.0.0.1:{} did not stop within {} s of SIGTERM; killing it", port,
            STOP_TIMEOUT.toSeconds());
        server.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for redis-server", e);
    }
  }
}
