package dev.vigil.domain;

/** What started a run. */
public enum RunSource {
  SCHEDULE,
  GATE,
  MANUAL
}
