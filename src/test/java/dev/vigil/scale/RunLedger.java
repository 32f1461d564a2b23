package dev.vigil.scale;

import dev.vigil.schedule.Cadence;
import dev.vigil.schedule.CheckKey;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The scheduled runs in the PostgreSQL history, as the replicas wrote them, and what they prove
 * about "once per interval per location". A run's slot on its check's grid is
 * {@code floor((scheduled_at - phase) / interval)}: {@code scheduled_at} is the due time plus a
 * jitter below 1 % of the interval.
 */
final class RunLedger {
  private final Duration interval;
  private final Map<String, List<Run>> byCheck;

  /** One scheduled run, with the lease it ran under. */
  record Run(CheckKey check, String location, Instant scheduledAt, String runner, int shard, long token) {}

  /** A stretch of time in which slots may be missed, and why. */
  record Window(String why, Instant from, Instant to) {
    boolean covers(Instant due) {
      return !due.isBefore(from) && !due.isAfter(to);
    }
  }

  private RunLedger(Duration interval, List<Run> runs) {
    this.interval = interval;
    this.byCheck = runs.stream().sorted(Comparator.comparing(Run::scheduledAt))
        .collect(Collectors.groupingBy(run -> run.check() + "@" + run.location(), TreeMap::new, Collectors.toList()));
  }

  /** Reads every scheduled run. Blocks: call from the test thread. */
  static RunLedger read(Pool pool, Duration interval) throws Exception {
    List<Run> runs = new ArrayList<>();
    for (Row row : pool.query("SELECT tenant_id, journey_id, location, scheduled_at, runner, shard, lease_token"
            + " FROM runs WHERE source = 'SCHEDULE'").execute()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)) {
      runs.add(new Run(new CheckKey(row.getString("tenant_id"), row.getString("journey_id")), row.getString("location"),
          row.getOffsetDateTime("scheduled_at").toInstant(), row.getString("runner"), row.getInteger("shard"),
          row.getLong("lease_token")));
    }
    return new RunLedger(interval, runs);
  }

  int size() {
    return byCheck.values().stream().mapToInt(List::size).sum();
  }

  int checks() {
    return byCheck.size();
  }

  private long slot(Run run) {
    long phase = Cadence.of(run.check(), interval).phaseMillis();
    return Math.floorDiv(run.scheduledAt().toEpochMilli() - phase, interval.toMillis());
  }

  private Instant due(CheckKey check, long slot) {
    return Instant.ofEpochMilli(slot * interval.toMillis() + Cadence.of(check, interval).phaseMillis());
  }

  /** Slots of a check and location run more than once. */
  List<String> duplicates() {
    List<String> found = new ArrayList<>();
    byCheck.forEach((check, runs) -> {
      Set<Long> seen = new HashSet<>();
      runs.forEach(run -> {
        if (!seen.add(slot(run))) {
          found.add(check + " slot due " + due(run.check(), slot(run)) + " ran twice: " + runs.stream()
              .filter(other -> slot(other) == slot(run)).map(Run::runner).toList());
        }
      });
    });
    return found;
  }

  /** A slot due in the checked span that no run took. */
  private record Missed(String check, Instant due, List<Run> runs) {}

  private List<Missed> missed(Instant from, Instant to) {
    List<Missed> missed = new ArrayList<>();
    byCheck.forEach((check, runs) -> {
      CheckKey key = runs.get(0).check();
      Set<Long> ran = runs.stream().map(this::slot).collect(Collectors.toSet());
      long first = Math.floorDiv(from.toEpochMilli() - Cadence.of(key, interval).phaseMillis(), interval.toMillis()) + 1;
      for (long slot = first; !due(key, slot).isAfter(to); slot++) {
        if (!ran.contains(slot)) {
          missed.add(new Missed(check, due(key, slot), runs));
        }
      }
    });
    return missed;
  }

  /** Slots due in [from, to] that no run took, outside the excused windows. */
  List<String> missedOutside(Instant from, Instant to, List<Window> excused) {
    return missed(from, to).stream()
        .filter(slot -> excused.stream().noneMatch(window -> window.covers(slot.due())))
        .map(slot -> slot.check() + " slot due " + slot.due() + " never ran (runs around it: "
            + around(slot.runs(), slot.due()) + ")")
        .toList();
  }

  /** Slots missed inside the windows, by window: the cost of the kills, pauses and joins. */
  Map<String, Integer> missedInside(Instant from, Instant to, List<Window> windows) {
    Map<String, Integer> missed = new LinkedHashMap<>();
    windows.forEach(window -> missed.put(window.why(), 0));
    missed(from, to).forEach(slot -> windows.stream().filter(window -> window.covers(slot.due())).findFirst()
        .ifPresent(window -> missed.merge(window.why(), 1, Integer::sum)));
    return missed;
  }

  private static String around(List<Run> runs, Instant due) {
    return runs.stream()
        .filter(run -> Duration.between(run.scheduledAt(), due).abs().compareTo(Duration.ofSeconds(40)) < 0)
        .map(run -> run.scheduledAt() + " by " + run.runner())
        .toList().toString();
  }

  /** Runs of a shard due after a run of it by a newer holder, yet carrying an older fencing token. */
  List<String> staleTokens() {
    Map<String, List<Run>> byShard = byCheck.values().stream().flatMap(List::stream)
        .sorted(Comparator.comparing(Run::scheduledAt))
        .collect(Collectors.groupingBy(run -> run.location() + "/" + run.shard(), TreeMap::new, Collectors.toList()));
    List<String> found = new ArrayList<>();
    byShard.forEach((shard, runs) -> {
      for (int i = 1; i < runs.size(); i++) {
        if (runs.get(i).token() < runs.get(i - 1).token()) {
          found.add("shard " + shard + ": " + runs.get(i) + " after " + runs.get(i - 1));
        }
      }
    });
    return found;
  }

  /** Runs per runner. */
  Map<String, Long> runsByRunner() {
    return byCheck.values().stream().flatMap(List::stream)
        .collect(Collectors.groupingBy(Run::runner, TreeMap::new, Collectors.counting()));
  }

  /** The checks a runner ran at least once due in [from, to]. */
  Set<String> checksRunBy(String runner, Instant from, Instant to) {
    return byCheck.entrySet().stream()
        .filter(entry -> entry.getValue().stream().anyMatch(run -> run.runner().equals(runner)
            && !run.scheduledAt().isBefore(from) && !run.scheduledAt().isAfter(to)))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** The checks whose last run due before {@code at} was by {@code runner}. */
  Set<String> lastRunBy(String runner, Instant at) {
    Set<String> found = new HashSet<>();
    byCheck.forEach((check, runs) -> runs.stream().filter(run -> run.scheduledAt().isBefore(at))
        .reduce((first, second) -> second)
        .filter(last -> last.runner().equals(runner))
        .ifPresent(last -> found.add(check)));
    return found;
  }

  /** The first run of a check due at or after {@code at}, by whom and when. */
  Map<String, Run> firstRunsFrom(Set<String> checks, Instant at) {
    Map<String, Run> first = new TreeMap<>();
    checks.forEach(check -> byCheck.get(check).stream().filter(run -> !run.scheduledAt().isBefore(at)).findFirst()
        .ifPresent(run -> first.put(check, run)));
    return first;
  }
}
