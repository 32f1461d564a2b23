package dev.vigil.gate;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import java.util.List;

/**
 * Where a gate's thresholds come from when none is given for a tenant × journey: today the
 * tenant's latency budget ({@link BudgetThresholds}); per tenant × journey SLOs plug in here as
 * another implementation, without changing the gate.
 */
@FunctionalInterface
public interface DefaultThresholds {

  /** The thresholds to check on the runs of {@code journey} for {@code tenant}; scoped to that journey. */
  List<Threshold> defaultsFor(Tenant tenant, Journey journey);
}
