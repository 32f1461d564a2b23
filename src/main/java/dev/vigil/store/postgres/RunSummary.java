package dev.vigil.store.postgres;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One line of a run list: the run without its steps ({@link PgHistory#run(String)} has them). */
public record RunSummary(
    String runId, String tenantId, String journeyId, Instant startedAt, Duration duration, Outcome outcome,
    Optional<ErrorClass> errorClass, String message, boolean overBudget) {}
