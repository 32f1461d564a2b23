package dev.vigil.domain;

/** Where something was written: a file, a 1-based line and column. Printed as {@code file:line:column}. */
public record SourcePos(String file, int line, int column) {

  /** A position for values that were not read from a file (command-line targets, tests). */
  public static SourcePos none(String origin) {
    return new SourcePos(origin, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
