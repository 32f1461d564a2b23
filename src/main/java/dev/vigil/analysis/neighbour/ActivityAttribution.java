package dev.vigil.analysis.neighbour;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Attribution from the shared server's own per-database activity (one Odoo tenant is one
 * database): each database's share of the server's work, averaged over the measures (lock waits
 * aside), among the databases sampled. The suspect is the database with the largest share when
 * that share is at least {@link #MIN_SHARE} and twice the next one; confidence is 0.5 plus half
 * its share (at most 0.95). A database that belongs to no monitored tenant is named
 * {@code database:<name>}.
 *
 * <p>{@code latestLoads} gives the last sampled loads of the server behind a placement group, if a
 * sampler watches it.
 */
public final class ActivityAttribution implements SuspectAttribution {
  static final double MIN_SHARE = 0.4;

  private final Function<PlacementGroup, Optional<List<DatabaseLoad>>> latestLoads;

  public ActivityAttribution(Function<PlacementGroup, Optional<List<DatabaseLoad>>> latestLoads) {
    this.latestLoads = latestLoads;
  }

  @Override
  public Optional<Suspicion> attribute(PlacementGroup group) {
    List<DatabaseLoad> loads = latestLoads.apply(group).orElse(List.of());
    if (loads.size() < 2) {
      return Optional.empty();
    }
    Map<String, Double> shares = shares(loads);
    List<Map.Entry<String, Double>> ranked = shares.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    double top = ranked.get(0).getValue();
    double next = ranked.get(1).getValue();
    if (top < MIN_SHARE || top < 2 * next) {
      return Optional.empty();
    }
    Map<String, String> tenantOf = new HashMap<>();
    group.members().forEach(m -> tenantOf.put(m.database(), m.tenantId()));
    String db = ranked.get(0).getKey();
    String suspect = tenantOf.getOrDefault(db, "database:" + db);
    Map<String, Double> evidence = new LinkedHashMap<>();
    for (DatabaseLoad load : loads) {
      String name = tenantOf.getOrDefault(load.database(), "database:" + load.database());
      evidence.put(name + ".load_share", ProbeAttribution.round(shares.get(load.database())));
      load.rates().forEach((measure, rate) -> evidence.put(name + "." + measure, ProbeAttribution.round(rate)));
    }
    return Optional.of(new Suspicion(List.of(suspect), Math.min(0.95, 0.5 + top / 2), "database-activity", evidence));
  }

  /** Each database's share of the work, averaged over the measures that saw any work. */
  static Map<String, Double> shares(List<DatabaseLoad> loads) {
    Map<String, Double> totals = new HashMap<>();
    loads.forEach(load -> load.rates().forEach((measure, rate) -> {
      if (!measure.equals(DatabaseLoad.LOCK_WAITS)) {
        totals.merge(measure, rate, Double::sum);
      }
    }));
    totals.values().removeIf(total -> total <= 0);
    Map<String, Double> shares = new LinkedHashMap<>();
    for (DatabaseLoad load : loads) {
      double sum = 0;
      for (Map.Entry<String, Double> total : totals.entrySet()) {
        sum += load.rates().getOrDefault(total.getKey(), 0.0) / total.getValue();
      }
      shares.put(load.database(), totals.isEmpty() ? 0 : sum / totals.size());
    }
    return shares;
  }
}
