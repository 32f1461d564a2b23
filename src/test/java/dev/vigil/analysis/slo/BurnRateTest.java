package dev.vigil.analysis.slo;

import static dev.vigil.analysis.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SLO error budgets and multi-window burn rates, checked against worked examples")
class BurnRateTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration MONTH = Duration.ofDays(30);

  private static SloLedger ledger(double success, double latency, Optional<Duration> threshold) {
    return new SloLedger("a", "invoice", new Slo(success, latency, threshold, MONTH), Optional.empty(), BurnRateRule.WORKBOOK);
  }

  @Test
  @DisplayName("the workbook's thresholds for a 30-day period: 14.4x (1h/5m), 6x (6h/30m), 1x (3d/6h)")
  void workbookFactors() {
    List<Double> factors = BurnRateRule.WORKBOOK.stream().map(r -> r.factor(MONTH)).toList();
    assertEquals(14.4, factors.get(0), 1e-9);
    assertEquals(6.0, factors.get(1), 1e-9);
    assertEquals(1.0, factors.get(2), 1e-9);
    assertEquals(List.of(true, true, false), BurnRateRule.WORKBOOK.stream().map(BurnRateRule::page).toList());
    assertEquals(3.36, BurnRateRule.WORKBOOK.get(0).factor(Duration.ofDays(7)), 1e-9, "2% of a 7-day budget in 1h");
  }

  @ParameterizedTest(name = "SLO {0}: {1} runs, {2} failed -> burn {3}")
  @CsvSource({
      "0.999, 1000, 1, 1.0",      // exactly the budget rate
      "0.999, 1000, 2, 2.0",
      "0.999, 10000, 144, 14.4",  // the workbook's page threshold: 1.44% errors on a 99.9% SLO
      "0.995, 1000, 72, 14.4",    // the same threshold on 99.5%: 7.2% errors
      "0.995, 1000, 30, 6.0",
      "0.995, 0, 0, 0.0"          // no runs burn nothing
  })
  @DisplayName("success burn rate = error ratio / (1 - objective)")
  void successBurn(double objective, long total, long failed, double burn) {
    assertEquals(burn, ledger(objective, 0.95, Optional.empty())
        .successBurn(new Counts(total, failed, total - failed, 0)), 1e-9);
  }

  @Test
  @DisplayName("latency burn: 30 of 100 passed runs over the threshold on a 95% objective burn 6x")
  void latencyBurn() {
    assertEquals(6.0, ledger(0.995, 0.95, Optional.of(Duration.ofSeconds(3))).latencyBurn(new Counts(100, 0, 100, 30)), 1e-9);
  }

  @Test
  @DisplayName("99.5% over 30 days, 10,000 runs of which 25 failed: half the error budget remains")
  void budgetRemaining() {
    SloLedger ledger = ledger(0.995, 0.95, Optional.of(Duration.ofSeconds(1)));
    for (int i = 0; i < 10_000; i++) {
      Instant at = T0.plus(Duration.ofSeconds(86L * i));
      ledger.record(run("a", "invoice", at, i % 10 == 0 ? 1500 : 500, i % 400 != 0));
    }
    SloStatus status = ledger.status(T0.plus(Duration.ofDays(10)));
    assertEquals(0.5, status.successBudgetRemaining(), 1e-9);
    // 975 of the 9975 passed runs were slow (9.77%) against 5% allowed: overspent
    assertEquals(1 - (975.0 / 9975) / 0.05, status.latencyBudgetRemaining().orElseThrow(), 1e-9);
  }

  @Test
  @DisplayName("an hour of 5% errors on a 99.9% SLO pages (1h/5m), and the page clears once the short window is clean")
  void fastBurnAndReset() {
    SloLedger ledger = ledger(0.999, 0.95, Optional.empty());
    Instant now = T0;
    for (int i = 0; i < 3 * 24 * 60; i++, now = now.plusSeconds(60)) {
      ledger.record(run("a", "invoice", now, 500, true));
    }
    assertTrue(ledger.status(now).burning().isEmpty(), "three clean days burn nothing");
    for (int i = 0; i < 360; i++, now = now.plusSeconds(10)) {
      ledger.record(run("a", "invoice", now, 500, i % 20 != 19));
    }

    SloStatus burning = ledger.status(now);
    Burn worst = burning.worst().orElseThrow();
    assertEquals(BurnRateRule.WORKBOOK.get(0), worst.rule());
    assertTrue(worst.rule().page());
    assertEquals(50.0, worst.longBurn(), 3.0, "5% errors / 0.1% budget");

    for (int i = 0; i < 40; i++, now = now.plusSeconds(60)) {
      ledger.record(run("a", "invoice", now, 500, true));
    }
    SloStatus after = ledger.status(now);
    assertFalse(after.burning().stream().anyMatch(b -> b.rule().page()), "short windows clean: no page");
    assertEquals(BurnRateRule.WORKBOOK.get(2), after.worst().orElseThrow().rule(), "the slow burn still tickets");
  }
}
