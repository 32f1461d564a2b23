package dev.vigil.store.postgres;

import dev.vigil.store.ProcessSpawner;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the class path, for when Vigil has no
 * {@code VIGIL_DATABASE_URL}, and for the tests. Binaries are extracted once into
 * {@code <dataDir>/postgres-18.6.0}, the cluster lives in {@code <dataDir>/postgres/data} (kept
 * across restarts), the server log in {@code <dataDir>/postgres/server.log}. The server listens
 * on 127.0.0.1 only, with trust authentication for the user {@code postgres}, no Unix socket.
 *
 * <p>Every method blocks (processes, files): call them from a worker, never an event loop. The
 * server stops with {@link #stop()} (fast shutdown), and by itself when the JVM dies, even by
 * {@code kill -9} (see {@link ProcessSpawner}). {@link #start()} after {@link #stop()} starts it
 * again on the same port, with the same data. Every wait is bounded and fails with the tail of the
 * server log.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  /** The superuser; connections from 127.0.0.1 need no password. */
  public static final String USER = "postgres";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String HOST = "127.0.0.1";
  private static final int BIND_ATTEMPTS = 3;
  /** Starts tried while a crashed server's processes still hold its shared memory: 20 × 500 ms. */
  private static final int LEFTOVER_ATTEMPTS = 20;
  private static final long LEFTOVER_WAIT_MS = 500;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  /**
   * @param dataDir Vigil's data folder: the cluster goes in its {@code postgres/} folder
   * @param binariesCache where the binaries are extracted (usually {@code dataDir} itself)
   * @param port 0 picks a free port at the first start (kept for restarts)
   * @param serverSettings extra {@code -c name=value} settings (tests turn {@code fsync} off)
   * @param startTimeout for initdb, and again for the server to become ready
   */
  public record Settings(
      Path dataDir, Path binariesCache, int port, Map<String, String> serverSettings, Duration startTimeout) {

    public Settings {
      serverSettings = Map.copyOf(serverSettings);
    }

    public static Settings of(Path dataDir) {
      return new Settings(dataDir, dataDir, 0, Map.of(), Duration.ofSeconds(60));
    }

    public Settings withBinariesCache(Path cache) {
      return new Settings(dataDir, cache, port, serverSettings, startTimeout);
    }

    public Settings withServerSettings(Map<String, String> settings) {
      return new Settings(dataDir, binariesCache, port, settings, startTimeout);
    }
  }

  private final Settings settings;
  private final Path clusterDir;
  private final Path dataDir;
  private final Path logFile;
  private final ProcessSpawner spawner = new ProcessSpawner("vigil-postgres-spawner");
  private ServerUser user;
  private Path binaries;
  private int port;
  private Process server;

  public EmbeddedPostgres(Settings settings) {
    this(settings, null);
  }

  /** With {@code user} forced instead of detected (tests of each way of running as root). */
  EmbeddedPostgres(Settings settings, ServerUser user) {
    this.settings = settings;
    this.user = user;
    this.clusterDir = settings.dataDir().toAbsolutePath().resolve("postgres");
    this.dataDir = clusterDir.resolve("data");
    this.logFile = clusterDir.resolve("server.log");
    this.port = settings.port();
  }

  /** Starts a server on {@code dataDir} and waits until it accepts connections. */
  public static EmbeddedPostgres start(Path dataDir) {
    return new EmbeddedPostgres(Settings.of(dataDir)).start();
  }

  /** Extracts, initialises and starts as needed; returns once the server accepts connections. */
  public synchronized EmbeddedPostgres start() {
    if (isRunning()) {
      return this;
    }
    long began = System.nanoTime();
    try {
      if (binaries == null) {
        user = user == null ? ServerUser.detect() : user;
        binaries = PostgresBinaries.install(settings.binariesCache().toAbsolutePath());
      }
      user.prepare(clusterDir, binaries);
      initialiseIfNeeded();
      StalePidFile.clear(dataDir);
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + dataDir + ": " + e.getMessage() + logTail(), e);
    }
    LOG.info("PostgreSQL ready on {}:{} in {} ms", HOST, port, (System.nanoTime() - began) / 1_000_000);
    return this;
  }

  /** Fast shutdown (SIGINT: open sessions are ended, the data is consistent); waits until it is down. */
  public synchronized void stop() {
    if (!isRunning()) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
      if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("PostgreSQL on port {} did not stop within {} s; killing it{}", port, STOP_TIMEOUT.toSeconds(),
            logTail());
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop PostgreSQL (pid " + server.pid() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
    }
    LOG.info("PostgreSQL on port {} stopped", port);
  }

  @Override
  public void close() {
    stop();
    spawner.close();
  }

  public synchronized boolean isRunning() {
    return server != null && server.isAlive();
  }

  /** The server's process id while it runs. */
  public synchronized Optional<Long> pid() {
    return isRunning() ? Optional.of(server.pid()) : Optional.empty();
  }

  public synchronized int port() {
    return port;
  }

  public String host() {
    return HOST;
  }

  /** Where the cluster's files are ({@code <dataDir>/postgres/data}). */
  public Path dataDirectory() {
    return dataDir;
  }

  /** Connect options for {@code database} as the superuser (no password: trust on 127.0.0.1). */
  public PgConnectOptions connectOptions(String database) {
    return new PgConnectOptions().setHost(HOST).setPort(port()).setUser(USER).setDatabase(database);
  }

  private void initialiseIfNeeded() throws IOException {
    if (Files.exists(dataDir.resolve("PG_VERSION"))) {
      return;
    }
    LOG.info("initialising data directory {}", dataDir);
    Path partial = clusterDir.resolve("data.partial");
    PostgresBinaries.deleteTree(partial);
    List<String> initdb = List.of(binaries.resolve("bin/initdb").toString(), "-D", partial.toString(), "-U", USER,
        "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-instructions");
    Process process = new ProcessBuilder(user.wrap(initdb)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    int exit = waitFor(process, settings.startTimeout(), "initdb");
    if (exit != 0) {
      throw new IOException("initdb exited with " + exit);
    }
    Files.move(partial, dataDir);
  }

  private void launch() throws IOException {
    boolean pickPort = port == 0;
    for (int attempt = 1; ; attempt++) {
      if (pickPort) {
        port = freePort();
      }
      long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
      server = spawner.start(new ProcessBuilder(user.wrap(serverCommand())).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())));
      if (awaitReady()) {
        return;
      }
      String log = Files.readString(logFile, StandardCharsets.UTF_8).substring((int) logStart);
      if (log.contains("pre-existing shared memory block") && attempt < LEFTOVER_ATTEMPTS) {
        // a crashed server's backends are still exiting (they notice the postmaster's death within moments)
        LOG.info("processes of the previous PostgreSQL on {} are still exiting; starting again shortly", dataDir);
        sleep(LEFTOVER_WAIT_MS);
      } else if (pickPort && attempt < BIND_ATTEMPTS && log.contains("could not bind")) {
        LOG.info("port {} was taken meanwhile; trying another", port);
      } else {
        throw new IOException("PostgreSQL exited with " + server.exitValue() + " while starting");
      }
    }
  }

  private List<String> serverCommand() {
    List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/postgres").toString(), "-D",
        dataDir.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=" + HOST, "-c",
        "unix_socket_directories="));
    settings.serverSettings().forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
    return command;
  }

  /** True once {@code postmaster.pid}, written by this server, says ready; false if it exited. */
  private boolean awaitReady() throws IOException {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    Path pidFile = dataDir.resolve("postmaster.pid");
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        return false;
      }
      List<String> lines = Files.exists(pidFile) ? readLines(pidFile) : List.of();
      if (lines.size() >= 8 && lines.get(0).strip().equals(Long.toString(server.pid()))
          && lines.get(7).strip().equals("ready")) {
        return true;
      }
      sleep(20);
    }
    server.destroyForcibly();
    throw new IOException("PostgreSQL was not ready within " + settings.startTimeout().toSeconds() + " s");
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of(); // being rewritten by the server: read it again on the next turn
    }
  }

  private static int waitFor(Process process, Duration timeout, String what) throws IOException {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(what + " did not finish within " + timeout.toSeconds() + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + what, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for PostgreSQL", e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return "\n--- last lines of " + logFile + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return " (no server log at " + logFile + ")";
    }
  }
}
