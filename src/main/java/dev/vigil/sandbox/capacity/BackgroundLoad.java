package dev.vigil.sandbox.capacity;

import java.util.HashMap;
import java.util.Map;

/**
 * A database's synthetic "heavy workload": a number of simulated users who keep sending requests
 * of {@link ServiceTimes#BACKGROUND_REQUEST} ms, each taking a worker of the shared pool, so the
 * other databases of the server queue behind them. Needs a latency scale above 0 (with no service
 * time there is nothing to occupy the workers); on the sandbox's context only.
 */
public final class BackgroundLoad {
  private final CapacityModel capacity;
  private final Map<String, Integer> wanted = new HashMap<>();
  private final Map<String, Integer> running = new HashMap<>();

  public BackgroundLoad(CapacityModel capacity) {
    this.capacity = capacity;
  }

  /** Sets how many simulated users load {@code db} (0 stops them after their current request). */
  public void set(String db, int users) {
    wanted.put(db, users);
    if (capacity.serviceMillis(db, ServiceTimes.BACKGROUND_REQUEST) <= 0) {
      return;
    }
    while (running.getOrDefault(db, 0) < users) {
      running.merge(db, 1, Integer::sum);
      loop(db);
    }
  }

  /** Stops every simulated user after its current request. */
  public void stopAll() {
    wanted.replaceAll((db, users) -> 0);
  }

  private void loop(String db) {
    if (running.getOrDefault(db, 0) > wanted.getOrDefault(db, 0)) {
      running.merge(db, -1, Integer::sum);
      return;
    }
    capacity.run(db, ServiceTimes.BACKGROUND_REQUEST, () -> db).onComplete(ignored -> loop(db));
  }
}
