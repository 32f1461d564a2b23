package dev.vigil.domain;

/** How a journey run ended. */
public enum Outcome {
  /** Every non-soft step passed. */
  PASSED,
  /** Odoo answered, but an assertion did not hold. */
  FAILED,
  /** An Odoo fault or a transport problem stopped the run; see its {@link ErrorClass}. */
  ERRORED,
  /** The journey's own time limit ran out. */
  TIMED_OUT
}
