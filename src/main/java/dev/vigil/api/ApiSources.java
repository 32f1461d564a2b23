package dev.vigil.api;

import dev.vigil.domain.Catalog;
import dev.vigil.live.AnalysisView;
import dev.vigil.store.postgres.PostgresStore;
import dev.vigil.store.redis.RedisLiveState;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the REST resources read: the current catalog (replaced on reload), the PostgreSQL history
 * (absent while an external database is not connected yet: history answers are then 503), the Redis
 * live state, the analysis' open findings and alerts, and the clock that sets default time windows.
 */
public record ApiSources(
    Supplier<Catalog> catalog, Supplier<Optional<PostgresStore>> history, RedisLiveState live, AnalysisView analysis,
    InstantSource clock) {

  /** The history store, or a 503 problem when it is not connected. */
  PostgresStore historyOrFail() {
    return history.get().orElseThrow(() -> ApiException.unavailable("the run history"));
  }
}
