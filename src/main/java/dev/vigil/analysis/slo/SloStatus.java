package dev.vigil.analysis.slo;

import java.util.List;
import java.util.Optional;

/**
 * Where one tenant × journey stands against its objectives now.
 *
 * @param successBudgetRemaining share of the period's error budget left (1.0 untouched, negative
 *     when overspent)
 * @param latencyBudgetRemaining the same for the latency objective, when it has a threshold
 * @param burning the burn-rate rules firing now, pages first
 */
public record SloStatus(
    String tenantId, String journeyId, double successBudgetRemaining, Optional<Double> latencyBudgetRemaining,
    List<Burn> burning) {

  public SloStatus {
    burning = List.copyOf(burning);
  }

  /** The fastest burn firing, if any (a page before a ticket). */
  public Optional<Burn> worst() {
    return burning.stream().filter(b -> b.rule().page()).findFirst().or(() -> burning.stream().findFirst());
  }
}
