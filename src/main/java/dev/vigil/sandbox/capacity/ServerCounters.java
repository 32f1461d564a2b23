package dev.vigil.sandbox.capacity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per database: requests answered, password checks (logins), requests that had to wait
 * for a worker, and the worker time its requests held (background load included: how hard the
 * database works the server). Updated on the sandbox's context; readable from any thread.
 */
public final class ServerCounters {
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> authentications = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> waits = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> busyMillis = new ConcurrentHashMap<>();

  public void countCall(String db) {
    count(calls, db);
  }

  public void countAuthentication(String db) {
    count(authentications, db);
  }

  public void countWait(String db) {
    count(waits, db);
  }

  public void countBusy(String db, long millis) {
    if (db != null) {
      busyMillis.computeIfAbsent(db, ignored -> new LongAdder()).add(millis);
    }
  }

  public long busyMillis(String db) {
    return read(busyMillis, db);
  }

  public long calls(String db) {
    return read(calls, db);
  }

  public long authentications(String db) {
    return read(authentications, db);
  }

  public long waits(String db) {
    return read(waits, db);
  }

  private static void count(Map<String, LongAdder> counters, String db) {
    if (db != null) {
      counters.computeIfAbsent(db, ignored -> new LongAdder()).increment();
    }
  }

  private static long read(Map<String, LongAdder> counters, String db) {
    LongAdder adder = counters.get(db);
    return adder == null ? 0 : adder.sum();
  }
}
