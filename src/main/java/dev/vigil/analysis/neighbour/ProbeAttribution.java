package dev.vigil.analysis.neighbour;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fallback attribution, from the probes alone: the member whose latency rose most, and among
 * those within 20 % of the largest rise, the one that rose first. Probes see the victims' pain,
 * not the load itself, so the confidence stays low: 0.5 when one tenant rose both first and most,
 * 0.35 otherwise.
 */
public final class ProbeAttribution implements SuspectAttribution {
  static final double CLOSE_TO_MOST = 0.8;

  @Override
  public Optional<Suspicion> attribute(PlacementGroup group) {
    List<TenantHealth> risen = group.members().stream().filter(m -> m.rise() > 1.0).toList();
    if (risen.isEmpty()) {
      return Optional.empty();
    }
    double most = risen.stream().mapToDouble(TenantHealth::rise).max().orElseThrow();
    Comparator<TenantHealth> firstThenMost = Comparator
        .comparing((TenantHealth m) -> m.since().orElse(Instant.MAX))
        .thenComparing(TenantHealth::rise, Comparator.reverseOrder())
        .thenComparing(TenantHealth::tenantId);
    TenantHealth suspect = risen.stream().filter(m -> m.rise() >= CLOSE_TO_MOST * most)
        .min(firstThenMost).orElseThrow();
    TenantHealth earliest = risen.stream().min(firstThenMost).orElseThrow();
    boolean firstAndMost = earliest == suspect && suspect.rise() == most;
    Map<String, Double> evidence = new LinkedHashMap<>();
    group.members().forEach(m -> evidence.put(m.tenantId() + ".p95_rise", round(m.rise())));
    return Optional.of(new Suspicion(List.of(suspect.tenantId()), firstAndMost ? 0.5 : 0.35, "probes", evidence));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
