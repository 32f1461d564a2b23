package dev.vigil.store.postgres;

import dev.vigil.store.ResultWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL history, ready to use: connects to the external database of
 * {@code VIGIL_DATABASE_URL}, or starts the embedded server in the data folder (database
 * {@code vigil}); brings the schema up to date; runs the retention job at start and every hour.
 * Exposes the {@link #writer()}, the {@link #history()} queries and the {@link #retention()} job.
 *
 * <p>Every connection is bounded: {@value #CONNECT_TIMEOUT_MS} ms to connect and to get a pooled
 * connection, {@code statement_timeout} {@value #STATEMENT_TIMEOUT_MS} ms per statement, idle
 * transactions ended after {@value #IDLE_IN_TRANSACTION_TIMEOUT_MS} ms. Start fails with the
 * database named by its URL with the password masked, never with the password.
 */
public final class PostgresStore {
  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int STATEMENT_TIMEOUT_MS = 30_000;
  static final int IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
  private static final String EMBEDDED_DATABASE = "vigil";
  private static final Duration RETENTION_PERIOD = Duration.ofHours(1);

  /**
   * @param url the external database; empty starts the embedded server in {@code dataDir}
   * @param dataDir Vigil's data folder (the embedded server's files)
   * @param retention how long runs and rollups are kept
   * @param poolSize connections to PostgreSQL
   */
  public record Settings(Optional<DatabaseUrl> url, Path dataDir, Retention retention, int poolSize) {

    public static Settings embedded(Path dataDir) {
      return new Settings(Optional.empty(), dataDir, Retention.DEFAULT, 8);
    }

    public static Settings external(DatabaseUrl url) {
      return new Settings(Optional.of(url), Path.of(".vigil"), Retention.DEFAULT, 8);
    }

    public Settings withRetention(Retention retention) {
      return new Settings(url, dataDir, retention, poolSize);
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Optional<EmbeddedPostgres> embedded;
  private final PgResultWriter writer;
  private final PgHistory history;
  private final PgRetention retention;
  private long retentionTimer = -1;

  private PostgresStore(Vertx vertx, Pool pool, Optional<EmbeddedPostgres> embedded, Partitions partitions) {
    this.vertx = vertx;
    this.pool = pool;
    this.embedded = embedded;
    this.writer = new PgResultWriter(pool, partitions);
    this.history = new PgHistory(pool);
    this.retention = new PgRetention(partitions);
  }

  /** Starts the store; the embedded server, if any, is started on a worker thread. */
  public static Future<PostgresStore> start(Vertx vertx, Settings settings) {
    return start(vertx, settings, Clock.systemUTC());
  }

  static Future<PostgresStore> start(Vertx vertx, Settings settings, Clock clock) {
    Future<Target> target = settings.url()
        .map(url -> Future.succeededFuture(new Target(url.connectOptions(), url.toString(), Optional.empty())))
        .orElseGet(() -> startEmbedded(vertx, settings.dataDir()));
    return target.compose(t -> {
      Pool pool = pool(vertx, t.options(), settings.poolSize());
      PostgresStore store = new PostgresStore(vertx, pool, t.embedded(), new Partitions(pool, settings.retention(), clock));
      return new Migrations(vertx, pool).apply()
          .compose(v -> store.retention.run())
          .map(v -> store.scheduleRetention())
          .recover(e -> store.close().transform(x -> Future.failedFuture(new IllegalStateException(
              "PostgreSQL at " + t.name() + " is not usable: " + e.getMessage(), e))));
    });
  }

  public ResultWriter writer() {
    return writer;
  }

  public PgHistory history() {
    return history;
  }

  public PgRetention retention() {
    return retention;
  }

  /** For the later stores that share the database (alerts, tokens, audit log). */
  public Pool pool() {
    return pool;
  }

  /** Stops the retention job, closes the pool, stops the embedded server (on a worker). */
  public Future<Void> close() {
    vertx.cancelTimer(retentionTimer);
    return pool.close().eventually(() -> embedded
        .map(server -> vertx.executeBlocking(() -> {
          server.stop();
          return null;
        }, false).<Void>mapEmpty())
        .orElseGet(Future::succeededFuture));
  }

  static Pool pool(Vertx vertx, PgConnectOptions options, int size) {
    PgConnectOptions bounded = new PgConnectOptions(options)
        .addProperty("statement_timeout", Integer.toString(STATEMENT_TIMEOUT_MS))
        .addProperty("idle_in_transaction_session_timeout", Integer.toString(IDLE_IN_TRANSACTION_TIMEOUT_MS))
        .addProperty("application_name", "vigil");
    return PgBuilder.pool()
        .with(new PoolOptions().setName("vigil-history").setMaxSize(size).setConnectionTimeout(CONNECT_TIMEOUT_MS)
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS))
        .connectingTo(bounded)
        .using(vertx)
        .build();
  }

  private PostgresStore scheduleRetention() {
    retentionTimer = vertx.setPeriodic(RETENTION_PERIOD.toMillis(), id -> retention.run()
        .onFailure(e -> LOG.warn("retention pass failed (next one in {}): {}", RETENTION_PERIOD, e.getMessage())));
    return this;
  }

  private static Future<Target> startEmbedded(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> EmbeddedPostgres.start(dataDir), false)
        .compose(server -> createDatabase(vertx, server)
            .map(v -> new Target(server.connectOptions(EMBEDDED_DATABASE),
                "embedded " + server.host() + ":" + server.port() + "/" + EMBEDDED_DATABASE, Optional.of(server)))
            .recover(e -> vertx.executeBlocking(() -> {
              server.stop();
              return null;
            }, false).transform(x -> Future.failedFuture(e))));
  }

  /** Creates the embedded server's {@code vigil} database the first time. */
  private static Future<Void> createDatabase(Vertx vertx, EmbeddedPostgres server) {
    Pool admin = pool(vertx, server.connectOptions("postgres"), 1);
    return admin.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1")
        .execute(io.vertx.sqlclient.Tuple.of(EMBEDDED_DATABASE))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture()
            : admin.query("CREATE DATABASE " + EMBEDDED_DATABASE).execute().mapEmpty())
        .<Void>mapEmpty()
        .eventually(admin::close);
  }

  private record Target(PgConnectOptions options, String name, Optional<EmbeddedPostgres> embedded) {}
}
