package dev.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
  private static final Instant AT = Instant.parse("2026-11-21T08:15:30.123456789Z");

  @Test
  void aFailedRunWithEveryFieldSurvivesTheTrip() {
    RunResult run = new RunResult("0193a4f2c1d8-4f9a2c", "clinic-north", "invoice-posting", AT, AT.plusMillis(3),
        Duration.ofNanos(1_234_567_891L), Outcome.ERRORED, Optional.of(ErrorClass.VALIDATION), "post: \"journal\" missing",
        List.of(step("login", StepOutcome.PASSED, Optional.empty()),
            step("post", StepOutcome.ERRORED, Optional.of(ErrorClass.VALIDATION))),
        List.of(step("delete", StepOutcome.PASSED, Optional.empty())), OptionalInt.of(18), true, "runner-1",
        RunSource.SCHEDULE, Optional.of(new RunLease("eu-west", 117, 9_000_000_001L)));

    String line = ResultJson.encode(run).encode();

    assertEquals(run, ResultJson.decodeRun(new JsonObject(line)));
  }

  @Test
  void aRunWithoutVersionOrErrorLeavesThoseKeysOut() {
    RunResult run = new RunResult("r", "t", "j", AT, AT, Duration.ofMillis(5), Outcome.PASSED, Optional.empty(), "passed",
        List.of(), List.of(), OptionalInt.empty(), false, "r1", RunSource.SCHEDULE);

    JsonObject json = ResultJson.encode(run);

    assertFalse(json.containsKey("odooVersion"));
    assertFalse(json.containsKey("errorClass"));
    assertFalse(json.containsKey("lease"));
    assertEquals(5.0, json.getDouble("durationMs"));
    assertEquals(run, ResultJson.decodeRun(json));
  }

  @Test
  void aFirstStatusHasNoFrom() {
    StatusChange first = new StatusChange("t", "j", null, Status.UP, AT, "passed", "r1");
    StatusChange down = new StatusChange("t", "j", Status.PENDING, Status.DOWN, AT, "login: refused", "r2");

    assertFalse(ResultJson.encode(first).containsKey("from"));
    assertEquals(first, ResultJson.decodeChange(new JsonObject(ResultJson.encode(first).encode())));
    assertEquals(down, ResultJson.decodeChange(new JsonObject(ResultJson.encode(down).encode())));
  }

  private static StepResult step(String name, StepOutcome outcome, Optional<ErrorClass> error) {
    return new StepResult(name, "call", outcome, Duration.ofNanos(987_654_321L), error, outcome.name().toLowerCase(),
        false, false, name.equals("post"), name.equals("login") ? Map.of("ttfb", 12.5, "load", 80.25) : Map.of(),
        name.equals("post") ? Optional.of("artifacts/r/post.png") : Optional.empty());
  }
}
