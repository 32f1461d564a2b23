package dev.vigil.schedule;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A listener that keeps everything it hears, for assertions. Thread-safe. */
final class Recorder implements RunListener {
  final List<RunResult> runs = new CopyOnWriteArrayList<>();
  final List<StatusChange> changes = new CopyOnWriteArrayList<>();
  final List<String> skips = new CopyOnWriteArrayList<>();

  @Override
  public void onRunCompleted(RunResult run) {
    runs.add(run);
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    changes.add(change);
  }

  @Override
  public void onRunSkipped(CheckKey check, SkipReason reason) {
    skips.add(check + ":" + reason);
  }

  List<RunResult> runsOf(String tenant) {
    return runs.stream().filter(r -> r.tenantId().equals(tenant)).toList();
  }

  long count(Predicate<RunResult> which) {
    return runs.stream().filter(which).count();
  }
}
