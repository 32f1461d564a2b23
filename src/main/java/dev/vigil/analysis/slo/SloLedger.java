package dev.vigil.analysis.slo;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs of one tenant × journey counted against its {@link Slo}: one-minute buckets for the
 * last 6 hours (the workbook's short windows and the 1-hour and 6-hour long ones) and one-hour
 * buckets for the whole period (3 days, 30 days), about 13 KB per checked SLO. A failed run spends
 * the success budget; a passed run slower than the latency threshold spends the latency budget.
 * Runs are counted at their start. Not thread-safe.
 */
public final class SloLedger {
  private static final Duration FINE_SPAN = Duration.ofHours(6);

  private final String tenantId;
  private final String journeyId;
  private final Slo slo;
  private final Optional<Duration> budget;
  private final Optional<Duration> threshold;
  private final List<BurnRateRule> rules;
  private final EventBuckets fine = new EventBuckets(Duration.ofMinutes(1), (int) FINE_SPAN.toMinutes());
  private final EventBuckets coarse;

  /** @param threshold the latency threshold: the SLO's own, else the journey's budget */
  public SloLedger(String tenantId, String journeyId, Slo slo, Optional<Duration> threshold, List<BurnRateRule> rules) {
    this.tenantId = tenantId;
    this.journeyId = journeyId;
    this.slo = slo;
    this.budget = threshold;
    this.threshold = slo.latencyThreshold().or(() -> threshold);
    this.rules = List.copyOf(rules);
    this.coarse = new EventBuckets(Duration.ofHours(1), (int) Math.max(1, slo.period().toHours()) + 1);
  }

  /** Whether this ledger counts for these objectives and this budget (a reload keeps it then). */
  public boolean sameTerms(Slo objectives, Optional<Duration> journeyBudget) {
    return slo.equals(objectives) && budget.equals(journeyBudget);
  }

  public void record(RunResult run) {
    boolean passed = run.outcome() == Outcome.PASSED;
    boolean slow = threshold.isPresent() && run.duration().compareTo(threshold.get()) > 0;
    fine.add(run.startedAt(), passed, slow);
    coarse.add(run.startedAt(), passed, slow);
  }

  /** Counts over the window ending now: exact to the minute up to 6 hours, to the hour beyond. */
  public Counts counts(Duration window, Instant now) {
    return (window.compareTo(FINE_SPAN) <= 0 ? fine : coarse).sum(window, now);
  }

  public SloStatus status(Instant now) {
    Counts period = counts(slo.period(), now);
    List<Burn> burning = new ArrayList<>();
    for (BurnRateRule rule : rules) {
      double factor = rule.factor(slo.period());
      Counts longWindow = counts(rule.longWindow(), now);
      Counts shortWindow = counts(rule.shortWindow(), now);
      burn("success", rule, factor, successBurn(longWindow), successBurn(shortWindow)).ifPresent(burning::add);
      if (threshold.isPresent()) {
        burn("latency", rule, factor, latencyBurn(longWindow), latencyBurn(shortWindow)).ifPresent(burning::add);
      }
    }
    return new SloStatus(tenantId, journeyId, 1 - successBurn(period),
        threshold.map(t -> 1 - latencyBurn(period)), burning);
  }

  /** The error ratio over the budget: 1.0 spends exactly the budget over the period. */
  double successBurn(Counts counts) {
    return counts.errorRatio() / (1 - slo.success());
  }

  double latencyBurn(Counts counts) {
    return counts.slowRatio() / (1 - slo.latency());
  }

  private static Optional<Burn> burn(String objective, BurnRateRule rule, double factor, double longBurn, double shortBurn) {
    return longBurn >= factor && shortBurn >= factor
        ? Optional.of(new Burn(objective, rule, longBurn, shortBurn, factor))
        : Optional.empty();
  }
}
