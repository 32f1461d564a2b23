package dev.vigil.domain;

import java.time.Instant;

/**
 * A transition of a tenant × journey's status, caused by the run {@code runId}.
 *
 * @param from null for the first status of a check
 * @param reason the run's message (what failed, or "passed")
 */
public record StatusChange(
    String tenantId, String journeyId, Status from, Status to, Instant at, String reason, String runId) {}
