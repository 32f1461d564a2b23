package dev.vigil.analysis.neighbour;

import java.time.Instant;
import java.util.Optional;

/**
 * A noisy-neighbour finding with its lifecycle: opened when a diagnosis first appears, updated
 * while it holds (suspects, victims and evidence follow the latest evaluation), closed at the
 * first evaluation without it.
 *
 * @param id stable for the finding's life, e.g. {@code f-1a2b3c-7}
 */
public record Finding(String id, Diagnosis diagnosis, Instant openedAt, Optional<Instant> closedAt) {}
