package dev.vigil.analysis.slo;

/**
 * A burn-rate rule firing for one objective.
 *
 * @param objective {@code success} or {@code latency}
 * @param longBurn the burn rate over the rule's long window (1.0 spends the budget exactly over the period)
 * @param shortBurn the burn rate over its short window
 * @param factor the threshold both exceeded
 */
public record Burn(String objective, BurnRateRule rule, double longBurn, double shortBurn, double factor) {}
