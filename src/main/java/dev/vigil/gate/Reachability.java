package dev.vigil.gate;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import java.util.Optional;

/**
 * Tells a target the gate could not reach from a release that behaves badly. A run did not reach
 * its target when it ended on a {@code CONNECTION} or {@code AUTH} error (refused, reset, DNS, TLS;
 * wrong login, password or database), or on a {@code TIMEOUT} (or the journey's time limit) before
 * any step passed — a server that never answers, typically at login.
 */
public final class Reachability {
  private Reachability() {}

  public static boolean unreachable(RunResult run) {
    if (run.outcome() == Outcome.PASSED || run.outcome() == Outcome.FAILED) {
      return false;
    }
    Optional<ErrorClass> error = run.errorClass();
    if (error.filter(c -> c == ErrorClass.CONNECTION || c == ErrorClass.AUTH).isPresent()) {
      return true;
    }
    boolean timedOut = run.outcome() == Outcome.TIMED_OUT || error.filter(ErrorClass.TIMEOUT::equals).isPresent();
    return timedOut && run.steps().stream().noneMatch(step -> step.outcome() == StepOutcome.PASSED);
  }
}
