package dev.vigil.schedule;

import dev.vigil.domain.RunLease;
import dev.vigil.domain.Tenant;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An ownership the test drives: holds every check of the default location with proven leases
 * until told otherwise. Thread-safe: a change is handed to the scheduler on its event loop. For
 * tests of the scheduler and of what runs on it.
 */
public final class TestOwnership implements Ownership {
  static final long TOKEN = 7;

  private volatile Predicate<CheckKey> held = check -> true;
  private volatile boolean proven = true;
  private volatile boolean stopped;
  private volatile Context context;
  private volatile Runnable changed;

  /** From now on holds exactly these checks; a started scheduler hears of it. */
  void hold(Predicate<CheckKey> which) {
    held = which;
    Context started = context;
    if (started != null) {
      started.runOnContext(v -> changed.run());
    }
  }

  /** Whether held leases can be proven (false: as when Redis is away or the process was paused). */
  void proven(boolean yes) {
    proven = yes;
  }

  boolean stopped() {
    return stopped;
  }

  @Override
  public String location() {
    return Tenant.DEFAULT_LOCATION;
  }

  @Override
  public void start(Runnable changed) {
    this.context = Vertx.currentContext();
    this.changed = changed;
  }

  @Override
  public boolean holds(CheckKey check) {
    return held.test(check);
  }

  @Override
  public Optional<RunLease> lease(CheckKey check) {
    return holds(check) && proven ? Optional.of(new RunLease(location(), 0, TOKEN)) : Optional.empty();
  }

  @Override
  public Future<Void> stop() {
    stopped = true;
    return Future.succeededFuture();
  }
}
