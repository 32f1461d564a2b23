package dev.vigil.sandbox;

import dev.vigil.sandbox.server.OdooServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Consumer;

/**
 * Steers a running sandbox server, for tests and the noisy-neighbour demo: restart it (expire
 * every session), give a database a heavy workload or a latency multiplier, hang it or take its
 * PostgreSQL down, and read its counters.
 *
 * <p>Thread-safe: changes run on the sandbox's context and the returned future completes once
 * they apply; an unknown database fails the future with {@link IllegalArgumentException}.
 * Counters and gauges may be read from any thread.
 */
public final class SandboxControl {
  private final Context context;
  private final OdooServer server;

  SandboxControl(Context context, OdooServer server) {
    this.context = context;
    this.server = server;
  }

  /** Drops every session, as a server restart does: the next session-bound call is answered as expired. */
  public Future<Void> expireAllSessions() {
    return apply(null, () -> server.sessions().expireAll());
  }

  /**
   * Multiplies the service time of every request of {@code db} (1.0 is normal). A slow database
   * holds the shared workers longer, so the server's other databases wait more.
   */
  public Future<Void> setLatencyMultiplier(String db, double multiplier) {
    if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
      return Future.failedFuture(new IllegalArgumentException("latency multiplier must be > 0, not " + multiplier));
    }
    return apply(db, () -> server.conditions().setMultiplier(db, multiplier));
  }

  /**
   * Simulates {@code users} users of {@code db} who keep the server busy (each holds a worker for
   * 250 ms × latency scale × the database's multiplier, again and again); 0 stops them. Has no
   * effect at latency scale 0.
   */
  public Future<Void> setBackgroundLoad(String db, int users) {
    if (users < 0) {
      return Future.failedFuture(new IllegalArgumentException("users must be >= 0, not " + users));
    }
    return apply(db, () -> server.background().set(db, users));
  }

  /** Makes {@code db} hang: its requests take a worker and are not answered until {@link #release}. */
  public Future<Void> hang(String db) {
    return apply(db, () -> server.conditions().hang(db));
  }

  /** Ends a hang: the waiting requests of {@code db} go on. */
  public Future<Void> release(String db) {
    return apply(db, () -> server.conditions().release(db));
  }

  /**
   * Takes {@code db}'s PostgreSQL down (or back up): logins and calls answer
   * {@code psycopg2.OperationalError}; {@code /web/health} still answers {@code pass}.
   */
  public Future<Void> setDown(String db, boolean down) {
    return apply(db, () -> server.conditions().setDown(db, down));
  }

  /**
   * Hands every request answered from now on to {@code observer} (null stops it), with its
   * database, path and service time, so that a benchmark can set a client's timings against the
   * server's own. Called on the sandbox's event loop right after the response is written: it must
   * be quick and must not throw. Requests answered before the returned future completes go to the
   * previous observer.
   */
  public Future<Void> observeCalls(Consumer<ServedCall> observer) {
    return apply(null, () -> server.observeCalls(observer));
  }

  /** HTTP requests answered for {@code db}. */
  public long callsServed(String db) {
    return server.counters().calls(db);
  }

  /** Password checks for {@code db} ({@code /web/session/authenticate}, {@code common.login}). */
  public long authentications(String db) {
    return server.counters().authentications(db);
  }

  /** Requests of {@code db} that had to wait for a free worker (background load included). */
  public long waitedCalls(String db) {
    return server.counters().waits(db);
  }

  /**
   * Worker time, in ms of service time, that requests of {@code db} held so far (background load
   * included): how hard the database works the shared server.
   */
  public long busyMillis(String db) {
    return server.counters().busyMillis(db);
  }

  /** Requests waiting for a worker now. */
  public int queueDepth() {
    return server.pool().queueDepth();
  }

  /** Workers busy now. */
  public int busyWorkers() {
    return server.pool().busyWorkers();
  }

  private Future<Void> apply(String db, Runnable change) {
    if (db != null && server.database(db).isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("the sandbox has no database " + db));
    }
    Promise<Void> applied = Promise.promise();
    context.runOnContext(ignored -> {
      change.run();
      applied.complete();
    });
    return applied.future();
  }
}
