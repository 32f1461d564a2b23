package dev.vigil.bootstrap;

import dev.vigil.api.auth.TokenStore;
import dev.vigil.schedule.RunListener;
import dev.vigil.store.OutboxMetrics;
import dev.vigil.store.OutboxSettings;
import dev.vigil.store.ResultOutbox;
import dev.vigil.store.postgres.PostgresStore;
import dev.vigil.store.postgres.Retention;
import dev.vigil.store.redis.RedisSettings;
import dev.vigil.store.redis.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where results go, wired: the PostgreSQL history behind a {@link ResultOutbox} (so that nothing
 * is lost while it is away), and the Redis live state. Embedded servers are started in the data
 * directory when no URL is configured; those must start, or Vigil does not. An external PostgreSQL
 * that does not answer at start is connected to in the background, every {@value #RECONNECT_SECONDS} s,
 * while results wait in the outbox; an external Redis is used as soon as it answers. The API
 * tokens live in the same PostgreSQL ({@link #tokens()}).
 */
final class Stores {
  private static final Logger LOG = LoggerFactory.getLogger(Stores.class);
  static final long RECONNECT_SECONDS = 30;

  private final Vertx vertx;
  private final RunConfig config;
  private final MeterRegistry registry;
  private final HistoryWriter history = new HistoryWriter();
  private final CurrentTokens tokens = new CurrentTokens();
  private final ResultOutbox outbox;
  private RedisStore redis;
  private long reconnectTimer = -1;
  private volatile boolean stopped;

  /** Opens the outbox with what a previous process left. Reads files: call at start-up, off the event loop. */
  Stores(Vertx vertx, RunConfig config, MeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    OutboxSettings settings = OutboxSettings.defaults(config.dataDir().resolve("outbox"))
        .withMaxBuffered(config.maxBufferedResults());
    this.outbox = ResultOutbox.open(vertx, history, settings, new OutboxMetrics(registry));
  }

  /** Starts (or connects to) PostgreSQL and Redis; fails only when an embedded server cannot start. */
  Future<Void> start() {
    Future<Void> postgres = connectHistory();
    Future<RedisStore> live = RedisStore.start(vertx,
        RedisSettings.of(config.redisUrl(), config.dataDir(), config.runnerName()), registry)
        .onSuccess(store -> redis = store);
    return Future.all(postgres, live).mapEmpty();
  }

  private PostgresStore.Settings postgresSettings() {
    return new PostgresStore.Settings(config.databaseUrl(), config.dataDir(),
        new Retention(config.retentionRawDays(), config.retentionRollupDays()), 8);
  }

  private Future<Void> connectHistory() {
    Future<PostgresStore> started = PostgresStore.start(vertx, postgresSettings()).onSuccess(this::connected);
    if (config.databaseUrl().isEmpty()) {
      return started.mapEmpty();
    }
    return started.<Void>mapEmpty().recover(failure -> {
      LOG.warn("{}; results wait in the outbox, connecting again every {} s", failure.getMessage(), RECONNECT_SECONDS);
      history.notConnected(failure.getMessage());
      reconnectLater();
      return Future.succeededFuture();
    });
  }

  private void reconnectLater() {
    reconnectTimer = vertx.setTimer(Duration.ofSeconds(RECONNECT_SECONDS).toMillis(), id -> {
      if (stopped) {
        return;
      }
      PostgresStore.start(vertx, postgresSettings())
          .onSuccess(store -> {
            LOG.info("connected to the PostgreSQL history at {}", config.databaseUrl().orElseThrow());
            connected(store);
          })
          .onFailure(failure -> {
            history.notConnected(failure.getMessage());
            reconnectLater();
          });
    });
  }

  private void connected(PostgresStore store) {
    if (stopped) {
      store.close();
    } else {
      tokens.connected(new TokenStore(store.pool(), InstantSource.system()));
      history.connected(store);
    }
  }

  /** The scheduler's listeners that store: the outbox (history) and the live state. */
  List<RunListener> listeners() {
    return List.of(outbox, redis.liveState());
  }

  /** The history, once connected. */
  Optional<PostgresStore> history() {
    return history.store();
  }

  /** The API tokens, usable once PostgreSQL is connected. */
  CurrentTokens tokens() {
    return tokens;
  }

  RedisStore live() {
    return redis;
  }

  ResultOutbox outbox() {
    return outbox;
  }

  /**
   * Writes (or spills) what waits in the outbox, then closes the clients and stops the embedded
   * servers. Call once the scheduler has stopped.
   */
  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(reconnectTimer);
    return outbox.stop()
        .eventually(() -> redis == null ? Future.succeededFuture() : redis.close())
        .eventually(() -> history.store().map(PostgresStore::close).orElseGet(Future::succeededFuture));
  }
}
