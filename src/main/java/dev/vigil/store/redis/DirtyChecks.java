package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.CheckKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tenant × journeys whose live state Redis does not have yet, with what it lacks. Bounded by
 * checks × recent runs: while Redis is away only the latest state of each check is kept, which is
 * all the live state needs. Thread-safe.
 */
final class DirtyChecks {
  private final int keep;
  private final Map<CheckKey, PendingCheck> dirty = new LinkedHashMap<>();

  DirtyChecks(int keep) {
    this.keep = keep;
  }

  synchronized void add(RunResult run) {
    pending(new CheckKey(run.tenantId(), run.journeyId())).add(run);
  }

  synchronized void add(StatusChange change) {
    pending(new CheckKey(change.tenantId(), change.journeyId())).add(change);
  }

  /** Removes and returns up to {@code max} dirty checks, the longest dirty first. */
  synchronized Map<CheckKey, PendingCheck> take(int max) {
    Map<CheckKey, PendingCheck> taken = new LinkedHashMap<>();
    Iterator<Map.Entry<CheckKey, PendingCheck>> entries = dirty.entrySet().iterator();
    while (entries.hasNext() && taken.size() < max) {
      Map.Entry<CheckKey, PendingCheck> entry = entries.next();
      taken.put(entry.getKey(), entry.getValue());
      entries.remove();
    }
    return taken;
  }

  /** Returns checks that could not be written; what became pending since comes after them. */
  synchronized void putBack(Map<CheckKey, PendingCheck> failed) {
    failed.forEach((check, older) -> {
      PendingCheck newer = dirty.remove(check);
      if (newer != null) {
        newer.prepend(older);
      }
      dirty.put(check, newer == null ? older : newer);
    });
  }

  synchronized int size() {
    return dirty.size();
  }

  private PendingCheck pending(CheckKey check) {
    return dirty.computeIfAbsent(check, c -> new PendingCheck(keep));
  }
}
