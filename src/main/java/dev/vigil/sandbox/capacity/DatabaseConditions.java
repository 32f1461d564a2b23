package dev.vigil.sandbox.capacity;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;

/**
 * What is wrong with each database of a server, as switched by the sandbox's control: a latency
 * multiplier (heavy workload), hung (requests wait, holding their worker, until released), down
 * (PostgreSQL unreachable). Used on the sandbox's context only.
 */
public final class DatabaseConditions {
  private final Map<String, Double> multipliers = new HashMap<>();
  private final Map<String, Promise<Void>> hangs = new HashMap<>();
  private final Map<String, Boolean> down = new HashMap<>();

  public double multiplier(String db) {
    return db == null ? 1.0 : multipliers.getOrDefault(db, 1.0);
  }

  public void setMultiplier(String db, double multiplier) {
    multipliers.put(db, multiplier);
  }

  /** Completes at once, or when the hung database is released. */
  public Future<Void> passage(String db) {
    Promise<Void> hang = db == null ? null : hangs.get(db);
    return hang == null ? Future.succeededFuture() : hang.future();
  }

  public void hang(String db) {
    hangs.putIfAbsent(db, Promise.promise());
  }

  /** Lets every request waiting on the database go on. */
  public void release(String db) {
    Promise<Void> hang = hangs.remove(db);
    if (hang != null) {
      hang.complete();
    }
  }

  public boolean isDown(String db) {
    return db != null && down.getOrDefault(db, false);
  }

  public void setDown(String db, boolean isDown) {
    down.put(db, isDown);
  }
}
