package dev.vigil.schedule;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepAction;
import java.util.stream.Stream;

/** Tells runs that need a browser (far heavier than RPC runs) from the others. */
final class BrowserJourneys {
  private BrowserJourneys() {}

  /** Whether any step of the journey (teardown and fallbacks included) is a browser step. */
  static boolean uses(Journey journey) {
    return Stream.concat(journey.steps().stream(), journey.teardown().stream())
        .flatMap(step -> Stream.concat(Stream.of(step), step.fallback().stream()))
        .map(Step::action)
        .anyMatch(action -> action instanceof StepAction.Browser);
  }
}
