package dev.vigil.engine;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.StepOutcome;
import dev.vigil.journey.Template;
import dev.vigil.odoo.OdooFault;
import java.util.concurrent.TimeoutException;

/**
 * Why a step did not pass, classified from what its action failed with.
 *
 * @param outcome FAILED for assertions, TIMED_OUT when the journey's deadline ran out, else ERRORED
 */
record Failure(StepOutcome outcome, ErrorClass errorClass, String message) {

  /**
   * @param journeyDeadlineBinds the journey's deadline, not the step's own timeout, limited this step
   * @param limitReached the step's time was up when it failed: a TIMEOUT fault of the executor (whose
   *     calls run against the same deadline) is then the step's time-out, classed as such whichever
   *     of the executor's timer and the runner's fired first
   * @param timeout the step's own timeout, for the message
   */
  static Failure of(
      Throwable error, boolean journeyDeadlineBinds, boolean limitReached, java.time.Duration timeout) {
    if (error instanceof RunCutShort) {
      return new Failure(StepOutcome.TIMED_OUT, ErrorClass.TIMEOUT, error.getMessage());
    }
    if (error instanceof TimeoutException || limitReached && timeoutClassed(error)) {
      String detail = error instanceof TimeoutException ? "" : " (" + error.getMessage() + ")";
      return journeyDeadlineBinds
          ? new Failure(StepOutcome.TIMED_OUT, ErrorClass.TIMEOUT, "the journey's time limit ran out during this step" + detail)
          : new Failure(StepOutcome.ERRORED, ErrorClass.TIMEOUT, "no answer within the step timeout of " + timeout.toMillis() + " ms" + detail);
    }
    if (error instanceof AssertionFailure) {
      return new Failure(StepOutcome.FAILED, ErrorClass.ASSERTION, error.getMessage());
    }
    if (error instanceof OdooFault fault) {
      return new Failure(StepOutcome.ERRORED, fault.errorClass(), fault.odooName() + ": " + fault.getMessage());
    }
    if (error instanceof StepFault fault) {
      return new Failure(StepOutcome.ERRORED, fault.errorClass(), fault.getMessage());
    }
    if (error instanceof Template.UnresolvedException unresolved) {
      return new Failure(StepOutcome.ERRORED, ErrorClass.JOURNEY, unresolved.getMessage());
    }
    return new Failure(StepOutcome.ERRORED, ErrorClass.SERVER_ERROR, "unexpected " + error);
  }

  private static boolean timeoutClassed(Throwable error) {
    return error instanceof OdooFault odoo && odoo.errorClass() == ErrorClass.TIMEOUT
        || error instanceof StepFault own && own.errorClass() == ErrorClass.TIMEOUT;
  }
}
