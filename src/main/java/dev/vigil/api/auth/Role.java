package dev.vigil.api.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a bearer token may do. */
public enum Role {
  /** Sees and acts on exactly one tenant. */
  TENANT_ADMIN("tenant-admin"),
  /** Sees every tenant and the comparisons between them. */
  PLATFORM("platform"),
  /** May run deployment gates. */
  GATE("gate");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The name used on the command line, in tokens' records and in the API. */
  public String label() {
    return label;
  }

  public static Optional<Role> fromLabel(String label) {
    return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
  }
}
