package dev.vigil.domain;

import java.time.Instant;

/**
 * A transition of a tenant × journey's status, caused by a run (or by a maintenance window
 * opening or closing, then {@code runId} is empty).
 */
public record StatusChange(
    String tenantId, String journeyId, Status from, Status to, Instant at, String reason, String runId) {}
