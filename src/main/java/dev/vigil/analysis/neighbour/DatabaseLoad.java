package dev.vigil.analysis.neighbour;

import java.util.Map;

/**
 * How hard one database worked over the last sampling interval, as rates by measure: from
 * PostgreSQL {@code xacts_per_s}, {@code tuples_per_s}, {@code blocks_per_s}, {@code active} and
 * {@code lock_waits}; another source may use its own measures. Only databases of one server are
 * compared, measure by measure.
 */
public record DatabaseLoad(String database, Map<String, Double> rates) {
  /** Waiting, not working: evidence of contention, not a share of the load. */
  public static final String LOCK_WAITS = "lock_waits";

  public DatabaseLoad {
    rates = Map.copyOf(rates);
  }
}
