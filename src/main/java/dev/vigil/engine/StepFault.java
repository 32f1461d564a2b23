package dev.vigil.engine;

import dev.vigil.domain.ErrorClass;

/**
 * A step failure raised by Vigil itself rather than by Odoo: a precondition the tenant does not
 * meet, an origin a journey may not reach, an HTTP status that means the server failed.
 */
public final class StepFault extends RuntimeException {
  private final ErrorClass errorClass;

  public StepFault(ErrorClass errorClass, String message) {
    super(message, null, false, false);
    this.errorClass = errorClass;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }
}
