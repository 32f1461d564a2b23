package dev.vigil.bench;

import dev.vigil.domain.Journey;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which steps of a journey make exactly one HTTP request the sandbox can tell apart, and which:
 * an Odoo call through the session API with a fixed model, no wizard to follow and no fallback is
 * one {@code POST /web/dataset/call_kw/<model>/<method>}. Logins (the session is reused or
 * renewed), {@code ensure} (one or two calls), polls and HTTP steps (not tied to a database) are
 * left out.
 */
final class StepCalls {
  /**
   * The request of a step: its path, the step's rank among the journey's steps on that path
   * ({@code ordinal}) and how many of them there are ({@code ofPath}).
   */
  record Call(String path, int ordinal, int ofPath) {}

  private final Map<String, Call> byStep;

  private StepCalls(Map<String, Call> byStep) {
    this.byStep = byStep;
  }

  /** The single-call steps of {@code journey}, main steps then teardown, in order. */
  static StepCalls of(Journey journey) {
    Map<String, String> paths = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> ordinals = new HashMap<>();
    Stream.concat(journey.steps().stream(), journey.teardown().stream()).forEach(step -> path(step).ifPresent(path -> {
      paths.put(step.name(), path);
      ordinals.put(step.name(), seen.merge(path, 1, Integer::sum) - 1);
    }));
    Map<String, Call> byStep = new HashMap<>();
    paths.forEach((step, path) -> byStep.put(step, new Call(path, ordinals.get(step), seen.get(path))));
    return new StepCalls(byStep);
  }

  Optional<Call> call(String step) {
    return Optional.ofNullable(byStep.get(step));
  }

  private static Optional<String> path(Step step) {
    if (step.fallback().isPresent() || !(step.action() instanceof StepAction.OdooCall call)) {
      return Optional.empty();
    }
    if (!(call.model() instanceof String model) || model.contains("${") || !call.follow().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("/web/dataset/call_kw/" + model + "/" + call.method());
  }

  /** The journeys' single-call steps, by journey id. */
  static Map<String, StepCalls> of(List<Journey> journeys) {
    Map<String, StepCalls> byJourney = new HashMap<>();
    journeys.forEach(journey -> byJourney.put(journey.id(), of(journey)));
    return byJourney;
  }
}
