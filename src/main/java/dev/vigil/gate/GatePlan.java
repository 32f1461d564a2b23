package dev.vigil.gate;

import java.util.List;

/**
 * What a gate runs and how it judges: each target {@code runs} times, at most {@code concurrency}
 * runs at once across the whole gate, then its targets' thresholds and the {@code overall} ones.
 * Built (and validated) by {@link GatePlanner}.
 */
public record GatePlan(List<GateTarget> targets, int runs, int concurrency, List<Threshold> overall) {

  public GatePlan {
    targets = List.copyOf(targets);
    overall = List.copyOf(overall);
  }

  public int totalRuns() {
    return targets.size() * runs;
  }
}
