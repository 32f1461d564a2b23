package dev.vigil.cli;

import dev.vigil.api.auth.TokenStore;
import dev.vigil.bootstrap.RunConfig;
import dev.vigil.store.postgres.EmbeddedPostgres;
import dev.vigil.store.postgres.PostgresStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL that holds Vigil's API tokens, for {@code vigil token}: the external database of
 * {@code database_url}; else the embedded server of {@code data_dir} — the one a running Vigil
 * started, when its {@code postmaster.pid} names a live process (its port is on line 4), so that a
 * second server is never started on the same files; otherwise one started for the command and
 * stopped after it. Blocking: for the command line's main thread only.
 */
final class TokenDatabase implements AutoCloseable {
  static final Duration LIMIT = Duration.ofMinutes(2);
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final Optional<PostgresStore> store;
  private final Optional<Pool> pool;
  private final TokenStore tokens;
  private final String description;

  private TokenDatabase(Vertx vertx, Optional<PostgresStore> store, Optional<Pool> pool, String description) {
    this.vertx = vertx;
    this.store = store;
    this.pool = pool;
    this.description = description;
    this.tokens = new TokenStore(store.map(PostgresStore::pool).or(() -> pool).orElseThrow(), InstantSource.system());
  }

  static TokenDatabase open(RunConfig config) throws ExecutionException, TimeoutException {
    Vertx vertx = Vertx.vertx();
    try {
      if (config.databaseUrl().isPresent()) {
        PostgresStore store = Waiting.forResult(PostgresStore.start(vertx,
            PostgresStore.Settings.external(config.databaseUrl().get())), LIMIT);
        return new TokenDatabase(vertx, Optional.of(store), Optional.empty(), config.databaseUrl().get().toString());
      }
      Optional<Integer> running = runningPort(config.dataDir());
      if (running.isPresent()) {
        PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(running.get())
            .setUser(EmbeddedPostgres.USER).setDatabase("vigil");
        Pool pool = PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(CONNECT_TIMEOUT_MS)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
            .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS))
            .connectingTo(options)
            .using(vertx)
            .build();
        return new TokenDatabase(vertx, Optional.empty(), Optional.of(pool),
            "the running Vigil's PostgreSQL on 127.0.0.1:" + running.get());
      }
      PostgresStore store = Waiting.forResult(PostgresStore.start(vertx,
          PostgresStore.Settings.embedded(config.dataDir())), LIMIT);
      return new TokenDatabase(vertx, Optional.of(store), Optional.empty(), "the embedded PostgreSQL of " + config.dataDir());
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** The port of the embedded server a running Vigil holds on this data folder, if one does. */
  static Optional<Integer> runningPort(Path dataDir) {
    Path pidFile = dataDir.resolve("postgres").resolve("data").resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  TokenStore tokens() {
    return tokens;
  }

  /** Where the tokens are, for messages: a URL never shows its password. */
  String description() {
    return description;
  }

  /** Closes the connections and stops a server started for the command. */
  @Override
  public void close() throws ExecutionException, TimeoutException {
    Future<Void> closing = store.map(PostgresStore::close)
        .orElseGet(() -> pool.map(Pool::close).orElseGet(Future::succeededFuture));
    try {
      Waiting.forResult(closing, LIMIT);
    } finally {
      vertx.close();
    }
  }
}
