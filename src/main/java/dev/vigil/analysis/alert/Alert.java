package dev.vigil.analysis.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * An alert as stored and shown: its cause (latest), when it opened, the platform alert it is
 * correlated with ({@code parentId}: then it was not notified on its own), and when it resolved.
 *
 * @param runbook the link to the runbook of its kind
 */
public record Alert(
    String id, Cause cause, String runbook, Instant openedAt, Optional<String> parentId, Optional<Instant> resolvedAt) {

  public AlertKind kind() {
    return cause.kind();
  }

  public Severity severity() {
    return cause.severity();
  }

  /** The tenant id for a tenant alert, {@code platform} for the platform team's. */
  public String owner() {
    return cause.kind().platform() ? "platform" : cause.tenantId().orElse("platform");
  }
}
