package dev.vigil.analysis.slo;

import java.time.Duration;
import java.util.List;

/**
 * A multi-window burn-rate alert of the SRE workbook (chapter "Alerting on SLOs", table
 * "Recommended initial parameters"): it fires when the error budget burns at least
 * {@link #factor} times the sustainable rate over both the long window and the short one (the
 * short one makes it reset soon after the burn stops). The factor follows from the share of the
 * period's budget that would be spent in the long window: 2 % in 1 h of a 30-day period is
 * 0.02 × 720 h / 1 h = 14.4.
 *
 * @param page true: page someone now (fast burn); false: a ticket (slow burn)
 */
public record BurnRateRule(String name, Duration longWindow, Duration shortWindow, double budgetSpent, boolean page) {

  /** The workbook's three: 14.4× over 1 h and 5 m, 6× over 6 h and 30 m (pages), 1× over 3 d and 6 h (ticket). */
  public static final List<BurnRateRule> WORKBOOK = List.of(
      new BurnRateRule("2% of budget in 1h", Duration.ofHours(1), Duration.ofMinutes(5), 0.02, true),
      new BurnRateRule("5% of budget in 6h", Duration.ofHours(6), Duration.ofMinutes(30), 0.05, true),
      new BurnRateRule("10% of budget in 3d", Duration.ofDays(3), Duration.ofHours(6), 0.10, false));

  /** The burn-rate threshold for an SLO over {@code period}. */
  public double factor(Duration period) {
    return budgetSpent * period.toMillis() / longWindow.toMillis();
  }
}
