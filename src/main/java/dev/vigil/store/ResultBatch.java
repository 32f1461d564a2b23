package dev.vigil.store;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import java.util.List;

/**
 * Results written together: runs (with their steps) and the status changes they caused, each in
 * the order they happened. A change names its run, so runs are written first.
 */
public record ResultBatch(List<RunResult> runs, List<StatusChange> changes) {

  public ResultBatch {
    runs = List.copyOf(runs);
    changes = List.copyOf(changes);
  }

  public int size() {
    return runs.size() + changes.size();
  }

  public boolean isEmpty() {
    return runs.isEmpty() && changes.isEmpty();
  }
}
