package dev.vigil.gate;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The default thresholds until SLOs exist: every run passes ({@code success>=100%}) and, when the
 * tenant gives the journey a latency {@code budget}, the 95th percentile stays within it
 * ({@code p95<=budget}).
 */
public final class BudgetThresholds implements DefaultThresholds {
  static final String ORIGIN = "default";
  static final String BUDGET_ORIGIN = "budget";

  @Override
  public List<Threshold> defaultsFor(Tenant tenant, Journey journey) {
    Optional<String> scope = Optional.of(journey.id());
    List<Threshold> defaults = new ArrayList<>();
    defaults.add(new Threshold(scope, Optional.empty(), Metric.of(Metric.Kind.SUCCESS),
        Comparison.GREATER_OR_EQUAL, 1.0, ORIGIN));
    tenant.journey(journey.id()).flatMap(tj -> tj.budget()).ifPresent(budget ->
        defaults.add(new Threshold(scope, Optional.empty(), Metric.percentile(95), Comparison.LESS_OR_EQUAL,
            budget.toMillis(), BUDGET_ORIGIN)));
    return defaults;
  }
}
