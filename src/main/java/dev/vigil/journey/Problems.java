package dev.vigil.journey;

import dev.vigil.domain.SourcePos;
import java.util.ArrayList;
import java.util.List;

/** The problems found while loading, collected so that all of them are reported at once. */
final class Problems {
  private final List<Problem> found = new ArrayList<>();

  /** Adds a problem; one found twice (a value or a YAML alias read twice) is kept once. */
  void add(SourcePos pos, String field, String message) {
    Problem problem = new Problem(pos, field, message);
    if (!found.contains(problem)) {
      found.add(problem);
    }
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems found so far, in the order they were found. */
  List<Problem> all() {
    return List.copyOf(found);
  }

  /** Throws the problems found so far, if there are any. */
  void throwIfAny() throws CatalogException {
    if (!found.isEmpty()) {
      throw new CatalogException(found);
    }
  }
}
