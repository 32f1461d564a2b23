package dev.vigil.analysis.neighbour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns each evaluation's diagnoses into findings that open, stay open while their diagnosis
 * holds (same key), and close at the first evaluation without it: the degradation detector's own
 * hysteresis already keeps a finding from closing on one good window. Not thread-safe.
 */
public final class FindingTracker {
  private final Map<String, Finding> open = new LinkedHashMap<>();
  private final String idPrefix;
  private long sequence;

  /** What one evaluation changed. */
  public record Changes(List<Finding> opened, List<Finding> closed) {}

  /** @param idPrefix distinguishes this process's finding ids (e.g. a start-time stamp) */
  public FindingTracker(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  public Changes update(Collection<Diagnosis> diagnoses, Instant now) {
    List<Finding> opened = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Diagnosis diagnosis : diagnoses) {
      seen.add(diagnosis.key());
      Finding before = open.get(diagnosis.key());
      if (before == null) {
        Finding finding = new Finding(idPrefix + "-" + ++sequence, diagnosis, now, Optional.empty());
        open.put(diagnosis.key(), finding);
        opened.add(finding);
      } else {
        open.put(diagnosis.key(), new Finding(before.id(), diagnosis, before.openedAt(), Optional.empty()));
      }
    }
    List<Finding> closed = new ArrayList<>();
    open.values().removeIf(finding -> {
      if (seen.contains(finding.diagnosis().key())) {
        return false;
      }
      closed.add(new Finding(finding.id(), finding.diagnosis(), finding.openedAt(), Optional.of(now)));
      return true;
    });
    return new Changes(opened, closed);
  }

  public List<Finding> open() {
    return List.copyOf(open.values());
  }
}
