package dev.vigil.analysis.neighbour;

import java.util.Optional;

/**
 * Names the tenant(s) behind a contention on one placement. Implementations are synchronous and
 * quick (they read what was sampled before); empty means "this source cannot say".
 */
public interface SuspectAttribution {
  Optional<Suspicion> attribute(PlacementGroup group);
}
