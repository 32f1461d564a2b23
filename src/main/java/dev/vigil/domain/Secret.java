package dev.vigil.domain;

import java.util.Objects;

/**
 * A resolved secret (password or API key). It never prints itself: {@code toString()} is a
 * placeholder, so a secret that ends up in a log line, exception or result shows as {@code ****}.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The secret in clear text; call only where it is sent to the server it belongs to. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
