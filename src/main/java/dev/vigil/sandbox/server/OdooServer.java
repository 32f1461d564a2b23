package dev.vigil.sandbox.server;

import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.ServedCall;
import dev.vigil.sandbox.SessionExpiryMode;
import dev.vigil.sandbox.capacity.BackgroundLoad;
import dev.vigil.sandbox.capacity.CapacityModel;
import dev.vigil.sandbox.capacity.DatabaseConditions;
import dev.vigil.sandbox.capacity.ServerCounters;
import dev.vigil.sandbox.capacity.WorkerPool;
import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.models.Database;
import dev.vigil.sandbox.models.DemoData;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One sandbox Odoo server: its version, databases, users and sessions, and its capacity model
 * (workers, per-database conditions, counters, background load). Used from the sandbox
 * verticle's context only, except the counters and pool gauges, which any thread may read.
 */
public final class OdooServer {
  private final Dialect dialect;
  private final Map<String, Database> databases = new LinkedHashMap<>();
  private final Accounts accounts;
  private final SessionStore sessions;
  private final SessionExpiryMode sessionExpiry;
  private final WorkerPool pool;
  private final DatabaseConditions conditions = new DatabaseConditions();
  private final ServerCounters counters = new ServerCounters();
  private final CapacityModel capacity;
  private final BackgroundLoad background;
  private Consumer<ServedCall> callObserver;

  public OdooServer(Vertx vertx, Context context, SandboxConfig config, DemoData demoData, InstantSource clock) {
    this.dialect = Dialect.of(config.odooVersion());
    for (SandboxConfig.Database database : config.databases()) {
      databases.put(database.name(), Database.create(database.name(), database.modules(), dialect, clock, demoData));
    }
    this.accounts = new Accounts(config.adminPassword(), config.demoPassword());
    this.sessions = new SessionStore(dialect, clock);
    this.sessionExpiry = config.sessionExpiry();
    this.pool = new WorkerPool(context, config.workers());
    this.capacity = new CapacityModel(vertx, pool, conditions, counters, config.latencyScale());
    this.background = new BackgroundLoad(capacity);
  }

  public Dialect dialect() {
    return dialect;
  }

  public Optional<Database> database(String name) {
    return Optional.ofNullable(name == null ? null : databases.get(name));
  }

  public List<String> databaseNames() {
    return List.copyOf(databases.keySet());
  }

  public Accounts accounts() {
    return accounts;
  }

  public SessionStore sessions() {
    return sessions;
  }

  public SessionExpiryMode sessionExpiry() {
    return sessionExpiry;
  }

  public WorkerPool pool() {
    return pool;
  }

  public DatabaseConditions conditions() {
    return conditions;
  }

  public ServerCounters counters() {
    return counters;
  }

  public CapacityModel capacity() {
    return capacity;
  }

  public BackgroundLoad background() {
    return background;
  }

  /** Replaces the observer of answered requests (null: none). */
  public void observeCalls(Consumer<ServedCall> observer) {
    callObserver = observer;
  }

  /** Reports an answered request to the observer, if any: its service time ends now. */
  public void served(String db, String path, long receivedAtNanos) {
    if (callObserver != null) {
      callObserver.accept(new ServedCall(db, path, receivedAtNanos, System.nanoTime() - receivedAtNanos));
    }
  }

  /**
   * @throws dev.vigil.sandbox.orm.OdooError {@code psycopg2.OperationalError} when the database is
   *     switched down
   */
  public void requireUp(String db) {
    if (conditions.isDown(db)) {
      throw OdooErrors.operationalError("connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n"
          + "\tIs the server running on that host and accepting TCP/IP connections?\n");
    }
  }

  /** The error {@code /jsonrpc} answers for a database that does not exist. */
  static RuntimeException noSuchDatabase(String db) {
    return OdooErrors.operationalError("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \""
        + db + "\" does not exist\n");
  }
}
