package dev.vigil.journey;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog cannot be loaded: holds every problem found, sorted by file, line and column. The
 * message lists them one per line, as {@code file:line:column: field: message}.
 */
public final class CatalogException extends Exception {
  private final List<Problem> problems;

  public CatalogException(List<Problem> problems) {
    super(null, null, false, false);
    this.problems = problems.stream().sorted(Problem.BY_POSITION).toList();
  }

  /** Every problem, sorted by file, line and column. */
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
