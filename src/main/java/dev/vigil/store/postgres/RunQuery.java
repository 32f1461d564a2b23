package dev.vigil.store.postgres;

import dev.vigil.domain.Outcome;
import java.time.Instant;
import java.util.Optional;

/**
 * Which runs to list: one tenant's, optionally of one journey and one outcome, started in
 * {@code [from, to)}, newest first, {@code limit} per page, continuing after {@code cursor} (the
 * {@link RunPage#next()} of the previous page).
 */
public record RunQuery(
    String tenantId, Optional<String> journeyId, Optional<Outcome> outcome, Instant from, Instant to, int limit,
    Optional<String> cursor) {

  public RunQuery {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("page size " + limit + " is not between 1 and 1000");
    }
  }

  public static RunQuery of(String tenantId, Instant from, Instant to, int limit) {
    return new RunQuery(tenantId, Optional.empty(), Optional.empty(), from, to, limit, Optional.empty());
  }

  public RunQuery journey(String journey) {
    return new RunQuery(tenantId, Optional.of(journey), outcome, from, to, limit, cursor);
  }

  public RunQuery outcome(Outcome wanted) {
    return new RunQuery(tenantId, journeyId, Optional.of(wanted), from, to, limit, cursor);
  }

  public RunQuery after(String pageCursor) {
    return new RunQuery(tenantId, journeyId, outcome, from, to, limit, Optional.of(pageCursor));
  }
}
