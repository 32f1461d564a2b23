package dev.vigil.engine;

import dev.vigil.domain.Journey;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Tenant;
import java.time.Instant;
import java.util.Optional;

/**
 * A request to run one journey once for one tenant.
 *
 * @param scheduledAt when the run was due; lateness is {@code startedAt - scheduledAt}
 * @param lease the lease a scheduled run is started under, carried to its result
 */
public record RunRequest(
    Tenant tenant, Journey journey, String runId, RunSource source, Instant scheduledAt, Optional<RunLease> lease) {

  /** A run under no lease (gates, manual checks). */
  public RunRequest(Tenant tenant, Journey journey, String runId, RunSource source, Instant scheduledAt) {
    this(tenant, journey, runId, source, scheduledAt, Optional.empty());
  }
}
