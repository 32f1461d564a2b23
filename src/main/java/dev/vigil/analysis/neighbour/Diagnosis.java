package dev.vigil.analysis.neighbour;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One explanation of degraded tenants at one evaluation, before it becomes (or updates) a
 * {@link Finding}.
 *
 * @param key what makes it the same finding from one evaluation to the next
 * @param placement the shared labels (empty for a platform-wide finding, the tenant's own labels
 *     for an own problem)
 * @param since when the earliest victim's degradation began
 * @param source where the suspects come from ({@code database-activity}, {@code probes}) or
 *     {@code none}
 */
public record Diagnosis(
    FindingKind kind, String key, Map<String, String> placement, List<String> suspects, List<String> victims,
    Instant since, Map<String, Double> evidence, double confidence, String source) {

  public Diagnosis {
    placement = Map.copyOf(placement);
    suspects = List.copyOf(suspects);
    victims = List.copyOf(victims);
    evidence = Map.copyOf(evidence);
  }
}
