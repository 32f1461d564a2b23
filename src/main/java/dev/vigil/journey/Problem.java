package dev.vigil.journey;

import dev.vigil.domain.SourcePos;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong in a journey, tenant or settings file: where it is, which field, and what was
 * expected.
 * Printed as {@code file:line:column: field: message}. Messages never hold a secret value.
 *
 * @param field a path to the field such as {@code steps[2].assert[0].equals}; empty when the
 *     problem is with the file as a whole
 */
public record Problem(SourcePos pos, String field, String message) {

  /** By file, then line, then column. */
  public static final Comparator<Problem> BY_POSITION =
      Comparator.comparing((Problem p) -> p.pos().file())
          .thenComparingInt(p -> p.pos().line())
          .thenComparingInt(p -> p.pos().column());

  public Problem {
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return pos + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
