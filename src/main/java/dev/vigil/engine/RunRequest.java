package dev.vigil.engine;

import dev.vigil.domain.Journey;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Tenant;
import java.time.Instant;

/**
 * A request to run one journey once for one tenant.
 *
 * @param scheduledAt when the run was due; lateness is {@code startedAt - scheduledAt}
 */
public record RunRequest(
    Tenant tenant, Journey journey, String runId, RunSource source, Instant scheduledAt) {}
