package dev.vigil.domain;

/** How a tenant is hosted: on infrastructure shared with other tenants, or on its own. */
public enum Tier {
  SHARED,
  DEDICATED
}
