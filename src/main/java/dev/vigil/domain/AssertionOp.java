package dev.vigil.domain;

import java.util.Arrays;
import java.util.Optional;

/** The comparisons an assertion can make, by the keyword used in journey files. */
public enum AssertionOp {
  EQUALS("equals"),
  NOT_EQUALS("not_equals"),
  MATCHES("matches"),
  CONTAINS("contains"),
  GREATER_THAN("greater_than"),
  LESS_THAN("less_than"),
  EXISTS("exists"),
  EMPTY("empty"),
  NOT_EMPTY("not_empty");

  private final String keyword;

  AssertionOp(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<AssertionOp> byKeyword(String keyword) {
    return Arrays.stream(values()).filter(op -> op.keyword.equals(keyword)).findFirst();
  }
}
