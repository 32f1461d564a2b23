package dev.vigil.engine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Assertions on run results whose failure messages show the whole run, step by step. */
final class Runs {
  private Runs() {}

  /** The run as text: outcome, class and message, then each step and teardown step. */
  static String describe(RunResult run) {
    StringBuilder text = new StringBuilder()
        .append(run.journeyId()).append(" for ").append(run.tenantId()).append(": ").append(run.outcome())
        .append(run.errorClass().map(c -> " " + c).orElse("")).append(" - ").append(run.message());
    run.steps().forEach(step -> text.append("\n  step ").append(line(step)));
    run.teardown().forEach(step -> text.append("\n  teardown ").append(line(step)));
    return text.toString();
  }

  private static String line(StepResult step) {
    return step.name() + " " + step.outcome() + step.errorClass().map(c -> " " + c).orElse("")
        + (step.usedFallback() ? " (fallback)" : "") + (step.overBudget() ? " (over budget)" : "")
        + (step.message().isEmpty() ? "" : ": " + step.message());
  }

  /** Asserts the run PASSED with no teardown failure. */
  static void assertPassed(RunResult run) {
    assertEquals(Outcome.PASSED, run.outcome(), () -> describe(run));
    assertEquals(Optional.empty(), run.errorClass(), () -> describe(run));
    assertEquals(List.of(), run.teardownFailures(), () -> "teardown failures in " + describe(run));
  }

  /** Asserts the run ended with this outcome and class, and returns the step that stopped it. */
  static StepResult assertStopped(RunResult run, Outcome outcome, ErrorClass errorClass, String stepName) {
    assertEquals(outcome, run.outcome(), () -> describe(run));
    assertEquals(Optional.of(errorClass), run.errorClass(), () -> describe(run));
    StepResult step = step(run, stepName);
    assertEquals(Optional.of(errorClass), step.errorClass(), () -> describe(run));
    assertTrue(run.message().startsWith(stepName + ": "), () -> "the run message names the step: " + describe(run));
    return step;
  }

  /** The main step of that name. */
  static StepResult step(RunResult run, String name) {
    return find(run.steps(), name, run);
  }

  /** The teardown step of that name. */
  static StepResult teardownStep(RunResult run, String name) {
    return find(run.teardown(), name, run);
  }

  private static StepResult find(List<StepResult> steps, String name, RunResult run) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseGet(() -> fail("no step " + name + " in " + describe(run)));
  }

  /** Asserts the step has this outcome. */
  static void assertStep(RunResult run, String name, StepOutcome outcome) {
    assertEquals(outcome, step(run, name).outcome(), () -> describe(run));
  }

  /** Asserts the message holds every one of the fragments. */
  static void assertMentions(RunResult run, String message, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), () -> "'" + fragment + "' missing from '" + message + "' in " + describe(run));
    }
  }

  /** Asserts that no message of the run, its steps or its teardown holds any of the secrets. */
  static void assertNoSecret(RunResult run, String... secrets) {
    List<String> messages = Stream.concat(Stream.of(run.message()),
        Stream.concat(run.steps().stream(), run.teardown().stream()).map(StepResult::message)).toList();
    for (String secret : secrets) {
      for (String message : messages) {
        assertFalse(message.contains(secret), () -> "a secret shows in '" + message + "' of " + describe(run));
      }
    }
  }
}
