package dev.vigil.engine;

/** Vigil is shutting down: a run's main steps were stopped so that its teardown can run. */
public final class RunCutShort extends RuntimeException {
  public RunCutShort() {
    super("Vigil is shutting down: the run was cut short, its teardown still ran", null, false, false);
  }
}
