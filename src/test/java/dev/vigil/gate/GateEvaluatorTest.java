package dev.vigil.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.gate.report.JsonReport;
import dev.vigil.gate.report.JunitReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Judging a gate's runs")
class GateEvaluatorTest {
  static final Journey LOGIN = new Journey("login", "", Duration.ofSeconds(30), Map.of(), List.of(), List.of(),
      SourcePos.none("test"));
  static final Tenant TENANT = new Tenant("clinic", "Clinic", URI.create("http://127.0.0.1:1"), "clinic", OdooApi.SESSION,
      new Credentials("admin", new SecretRef.Env("X")), Tier.SHARED, Map.of(),
      List.of(new TenantJourney("login", Duration.ofMinutes(1), Map.of(), Optional.of(Duration.ofMillis(500)))),
      Set.of(), "UTC", List.of(), Optional.empty(), dev.vigil.domain.AlertContacts.NONE, SourcePos.none("test"));
  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  static RunResult run(Outcome outcome, long millis, Optional<ErrorClass> error, StepOutcome authenticate) {
    StepResult step = new StepResult("authenticate", "login", authenticate, Duration.ofMillis(millis), error,
        authenticate == StepOutcome.PASSED ? "" : "refused", false, false, false, Map.of(), Optional.empty());
    return new RunResult("r" + millis, "clinic", "login", NOW, NOW, Duration.ofMillis(millis), outcome, error,
        outcome == Outcome.PASSED ? "passed" : "authenticate: refused", List.of(step), List.of(), OptionalInt.empty(),
        false, "test", RunSource.GATE);
  }

  static RunResult passed(long millis) {
    return run(Outcome.PASSED, millis, Optional.empty(), StepOutcome.PASSED);
  }

  static GatePlan plan(List<String> thresholds) throws InvalidGateException {
    return new GatePlanner(new BudgetThresholds()).plan(List.of(TENANT),
        new dev.vigil.domain.Catalog(List.of(TENANT), List.of(LOGIN)),
        new GateRequest(List.of(), List.of("login"), 20, 1, thresholds));
  }

  @Test
  @DisplayName("without thresholds, the tenant's budget is the p95 limit and every run must pass")
  void defaultsFromBudget() throws Exception {
    List<RunResult> runs = new ArrayList<>(IntStream.rangeClosed(1, 20).mapToObj(i -> passed(i * 30L)).toList());
    GateReport report = GateEvaluator.evaluate(plan(List.of()), runs, NOW, Duration.ofSeconds(1));
    assertEquals(GateVerdict.FAILED, report.verdict(), report.reason());
    assertTrue(report.reason().contains("clinic/login login:p95<=500ms (actual 570ms)"), report.reason());
    assertEquals(List.of("login:success>=100%", "login:p95<=500ms"),
        report.journeys().get(0).checks().stream().map(c -> c.threshold().text()).toList());
  }

  @Test
  @DisplayName("p95 and p90 are nearest-rank over passed runs; a failed run counts against success only")
  void percentiles() throws Exception {
    List<RunResult> runs = new ArrayList<>(IntStream.rangeClosed(1, 19).mapToObj(i -> passed(i * 10L)).toList());
    runs.add(run(Outcome.FAILED, 5, Optional.of(ErrorClass.ASSERTION), StepOutcome.FAILED));
    GateReport report = GateEvaluator.evaluate(plan(List.of("login:p95<=190ms", "login:p90<=180ms", "success>=95%")), runs, NOW,
        Duration.ofSeconds(1));
    assertEquals(GateVerdict.PASSED, report.verdict(), report.reason());
    assertEquals(190.0, report.journeys().get(0).p95().getAsDouble());
    assertEquals(180.0, report.journeys().get(0).checks().get(1).actual().getAsDouble());
    assertEquals(0.95, report.overall().get(0).actual().getAsDouble(), 1e-9);
  }

  @Test
  @DisplayName("a tenant x journey that reached its target in no run makes the gate CANNOT_RUN (exit 3)")
  void cannotRun() throws Exception {
    List<RunResult> runs = List.of(
        run(Outcome.ERRORED, 3, Optional.of(ErrorClass.CONNECTION), StepOutcome.ERRORED),
        run(Outcome.ERRORED, 4, Optional.of(ErrorClass.AUTH), StepOutcome.ERRORED));
    GateReport report = GateEvaluator.evaluate(plan(List.of()), runs, NOW, Duration.ofSeconds(1));
    assertEquals(GateVerdict.CANNOT_RUN, report.verdict());
    assertEquals(3, report.verdict().exitCode());
  }

  @Test
  @DisplayName("a timeout is 'unreachable' only before any step passed; one reachable run makes it a failure")
  void reachability() throws Exception {
    RunResult hungAtLogin = run(Outcome.TIMED_OUT, 30_000, Optional.of(ErrorClass.TIMEOUT), StepOutcome.TIMED_OUT);
    assertTrue(Reachability.unreachable(hungAtLogin));
    StepResult ok = new StepResult("authenticate", "login", StepOutcome.PASSED, Duration.ofMillis(5), Optional.empty(),
        "", false, false, false, Map.of(), Optional.empty());
    RunResult hungLater = new RunResult("x", "clinic", "login", NOW, NOW, Duration.ofSeconds(30), Outcome.TIMED_OUT,
        Optional.of(ErrorClass.TIMEOUT), "read: timed out", List.of(ok), List.of(), OptionalInt.empty(), false, "t",
        RunSource.GATE);
    assertFalse(Reachability.unreachable(hungLater));
    GateReport report = GateEvaluator.evaluate(plan(List.of()), List.of(hungAtLogin, passed(10)), NOW, Duration.ZERO);
    assertEquals(GateVerdict.FAILED, report.verdict());
  }

  @Test
  @DisplayName("the JUnit and JSON reports of a failing gate validate and carry the failed step and message")
  void reports() throws Exception {
    List<RunResult> runs = List.of(passed(100), run(Outcome.ERRORED, 3, Optional.of(ErrorClass.SERVER_ERROR),
        StepOutcome.ERRORED));
    GateReport report = GateEvaluator.evaluate(plan(List.of("login:p95<1s", "success>=100%")), runs, NOW, Duration.ZERO);
    String xml = JunitReport.render(report, "ci-runner");
    GateReports.assertValidJunit(xml);
    assertTrue(xml.contains("at step authenticate: refused"), xml);
    assertTrue(xml.contains("<testsuite name=\"overall\""), xml);
    String json = JsonReport.encode(report).encode();
    GateReports.assertValidJson(json);
    assertTrue(json.contains("\"step\":\"authenticate\""), json);
  }
}
