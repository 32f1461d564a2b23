package dev.vigil.analysis.neighbour;

import java.util.List;
import java.util.Map;

/**
 * Who an attribution source suspects of causing a contention, how sure it is (0–1), and the
 * numbers behind it.
 *
 * @param source {@code database-activity} or {@code probes}
 */
public record Suspicion(List<String> suspects, double confidence, String source, Map<String, Double> evidence) {

  public Suspicion {
    suspects = List.copyOf(suspects);
    evidence = Map.copyOf(evidence);
  }
}
