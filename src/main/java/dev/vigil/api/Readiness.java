package dev.vigil.api;

import java.util.Objects;

/**
 * Whether Vigil can do its job now, and if not, why ({@code "catalog not loaded"}). The reason is
 * served to anyone who can reach {@code /health/ready}: it must never hold a secret.
 */
public record Readiness(boolean ready, String reason) {
  public static final Readiness READY = new Readiness(true, "");

  public Readiness {
    Objects.requireNonNull(reason, "reason");
  }

  public static Readiness notReady(String reason) {
    return new Readiness(false, reason);
  }
}
