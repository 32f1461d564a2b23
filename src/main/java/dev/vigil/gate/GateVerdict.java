package dev.vigil.gate;

/** A gate's answer and the exit code that says it to a pipeline. */
public enum GateVerdict {
  /** Every threshold was met. */
  PASSED(0),
  /** A threshold was not met: the release is bad. */
  FAILED(1),
  /** The gate is broken: a tenant × journey could not reach its target in any run. */
  CANNOT_RUN(3);

  private final int exitCode;

  GateVerdict(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
