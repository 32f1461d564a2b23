package dev.vigil.gate;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import java.util.List;

/**
 * One tenant × journey of a gate and the thresholds its runs are held to (journey- and
 * step-scoped ones; overall thresholds belong to the {@link GatePlan}).
 */
public record GateTarget(Tenant tenant, Journey journey, List<Threshold> thresholds) {

  public GateTarget {
    thresholds = List.copyOf(thresholds);
  }

  /** {@code tenant/journey}, as named in messages and reports. */
  public String name() {
    return tenant.id() + "/" + journey.id();
  }
}
