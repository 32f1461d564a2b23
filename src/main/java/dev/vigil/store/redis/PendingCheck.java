package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What one tenant × journey has that Redis has not yet: its newest runs, oldest first, at most
 * {@code keep} of them (older ones would be trimmed from the live list anyway), and its latest
 * status change. Not thread-safe: {@link DirtyChecks} guards it.
 */
final class PendingCheck {
  private final int keep;
  private final ArrayDeque<RunResult> runs = new ArrayDeque<>();
  private StatusChange status;

  PendingCheck(int keep) {
    this.keep = keep;
  }

  void add(RunResult run) {
    runs.addLast(run);
    if (runs.size() > keep) {
      runs.removeFirst();
    }
  }

  void add(StatusChange change) {
    status = change;
  }

  /** Puts {@code older}, an earlier pending state of the same check that could not be written, before this one. */
  void prepend(PendingCheck older) {
    older.runs.descendingIterator().forEachRemaining(run -> {
      if (runs.size() < keep) {
        runs.addFirst(run);
      }
    });
    if (status == null) {
      status = older.status;
    }
  }

  List<RunResult> runs() {
    return List.copyOf(runs);
  }

  /** The latest status change, or null if none is pending. */
  StatusChange status() {
    return status;
  }
}
