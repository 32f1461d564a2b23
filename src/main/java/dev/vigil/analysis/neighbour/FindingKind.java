package dev.vigil.analysis.neighbour;

/** What a set of degraded tenants means. */
public enum FindingKind {
  /** Several tenants of one placement degraded together while tenants elsewhere did not. */
  SHARED_RESOURCE_CONTENTION,
  /** Every placement degraded: the platform, not a neighbour. */
  PLATFORM_WIDE,
  /** One tenant degraded alone: its own problem. */
  OWN_PROBLEM
}
