package dev.vigil.cli;

import dev.vigil.bootstrap.Engine;
import dev.vigil.bootstrap.ResolvedSecrets;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import dev.vigil.gate.BudgetThresholds;
import dev.vigil.gate.GatePlan;
import dev.vigil.gate.GatePlanner;
import dev.vigil.gate.GateReport;
import dev.vigil.gate.GateRequest;
import dev.vigil.gate.GateRunner;
import dev.vigil.gate.GateTarget;
import dev.vigil.gate.InvalidGateException;
import dev.vigil.gate.report.GateConsole;
import dev.vigil.gate.report.JsonReport;
import dev.vigil.gate.report.JunitReport;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil gate}: runs journeys for tenants of the catalog or an ad-hoc target, {@code --runs}
 * times each at {@code --concurrency}, checks the thresholds and exits with the verdict; writes
 * JUnit XML and JSON reports on request. Needs no database.
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Gate a deployment on synthetic checks: run journeys, check k6-style thresholds, exit with the verdict.",
      "Target: --tenant T (repeatable, from the tenants folder) or --base-url/--db/--login/--password-env.",
      "Thresholds: [JOURNEY[/STEP]:]METRIC OP VALUE, e.g. invoice-posting:p95<800ms, success>=100%,",
      "login/authenticate:max<2s. Metrics p50 p90 p95 p99 pN med avg min max (ms, s, m) and success (% or 0..1).",
      "Without --threshold: success>=100% and p95<=budget (the tenant's journey budget) per tenant x journey."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every threshold met",
      "1:a threshold was not met (the release is bad)",
      "2:invalid arguments or files; nothing was run",
      "3:the gate could not run: target unreachable, login refused, no answer at all"
    })
public final class GateCommand implements Callable<Integer> {
  private static final Duration GRACE = Duration.ofSeconds(30);

  @Option(names = "--journey", required = true, paramLabel = "J", description = "Journey id (repeatable).")
  List<String> journeyIds;

  @Option(names = "--tenant", paramLabel = "T", description = "Tenant id from the tenants folder (repeatable).")
  List<String> tenantIds = new ArrayList<>();

  @ArgGroup(exclusive = false, heading = "%nAd-hoc target (instead of --tenant):%n")
  AdHocTarget target;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1", description = "Runs of each tenant x journey (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--concurrency", paramLabel = "C", defaultValue = "1", description = "Runs at once, across the gate (default: ${DEFAULT-VALUE}, at most 64).")
  int concurrency;

  @Option(names = "--threshold", paramLabel = "EXPR", description = "A threshold (repeatable); any given replace the defaults.")
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report here.")
  Path junitFile;

  @Option(names = "--json", paramLabel = "FILE", description = "Write a JSON report here (schema: schemas/gate-report.schema.json).")
  Path jsonFile;

  @CommandLine.Mixin CatalogDirs dirs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<String> problems = argumentProblems();
    if (!problems.isEmpty()) {
      return usage(problems);
    }
    Catalog catalog;
    try {
      catalog = tenantIds.isEmpty() ? CatalogLoader.loadJourneys(dirs.journeysDir) : CatalogLoader.load(dirs.tenantsDir, dirs.journeysDir);
    } catch (CatalogException invalid) {
      err().println(invalid.getMessage());
      return ExitCodes.USAGE;
    }
    GatePlan plan;
    try {
      GatePlanner planner = new GatePlanner(new BudgetThresholds());
      GateRequest request = new GateRequest(tenantIds, journeyIds, runs, concurrency, thresholds);
      plan = tenantIds.isEmpty()
          ? planner.plan(List.of(target.toTenant(journeyIds.get(0))), catalog, request)
          : planner.plan(catalog, request);
    } catch (InvalidGateException invalid) {
      return usage(invalid.problems());
    }
    List<Tenant> tenants = plan.targets().stream().map(GateTarget::tenant).distinct().toList();
    ResolvedSecrets secrets = new ResolvedSecrets(tenants, new SecretResolver(System::getenv));
    if (!secrets.failures().isEmpty()) {
      return usage(secrets.failures().values().stream().map(Throwable::getMessage).toList());
    }
    Vertx vertx = Vertx.vertx();
    try {
      return gate(vertx, plan, secrets);
    } finally {
      vertx.close();
    }
  }

  private List<String> argumentProblems() {
    List<String> problems = new ArrayList<>();
    if (tenantIds.isEmpty() == (target == null)) {
      problems.add("give the target: --tenant T (repeatable), or --base-url URL --db DB --password-env VAR, not both");
    }
    if (target != null) {
      problems.addAll(target.problems());
    }
    for (Path report : new Path[] {junitFile, jsonFile}) {
      Path folder = report == null ? null : report.toAbsolutePath().getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        problems.add("cannot write " + report + ": no folder " + folder);
      }
    }
    return problems;
  }

  private int gate(Vertx vertx, GatePlan plan, ResolvedSecrets secrets) {
    Engine engine = new Engine(vertx, secrets, "gate");
    GateRunner runner = new GateRunner(vertx, engine.runner(), InstantSource.system());
    PrintWriter out = new PrintWriter(spec.commandLine().getOut(), true);
    GateConsole console = GateConsole.of(out, onTerminal(), plan.totalRuns());
    try {
      GateReport report = Waiting.forResult(runner.run(plan, console::runFinished), limit(plan));
      console.finished(report);
      writeReports(report);
      return report.verdict().exitCode();
    } catch (TimeoutException | ExecutionException e) {
      err().println("vigil gate: " + (e instanceof TimeoutException ? "gave up waiting for the runs" : e.getCause().getMessage()));
      return ExitCodes.CANNOT_RUN;
    } catch (IOException e) {
      err().println("vigil gate: could not write a report: " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    } finally {
      engine.close();
    }
  }

  /** Each round of runs takes at most the slowest journey's limit, twice (steps, then teardown). */
  private static Duration limit(GatePlan plan) {
    Duration slowest = plan.targets().stream().map(t -> t.journey().timeout()).max(Duration::compareTo).orElse(Duration.ZERO);
    long rounds = (plan.totalRuns() + plan.concurrency() - 1) / plan.concurrency();
    return slowest.multipliedBy(2).plus(Duration.ofSeconds(5)).multipliedBy(Math.max(1, rounds)).plus(GRACE);
  }

  private void writeReports(GateReport report) throws IOException {
    if (junitFile != null) {
      Files.writeString(junitFile, JunitReport.render(report, hostname()));
    }
    if (jsonFile != null) {
      Files.writeString(jsonFile, JsonReport.encode(report).encodePrettily());
    }
  }

  /** A person is watching: a console, and not a CI job (which sets {@code CI}). */
  private static boolean onTerminal() {
    String ci = System.getenv("CI");
    return System.console() != null && (ci == null || ci.isBlank());
  }

  private static String hostname() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "localhost" : host;
  }

  private int usage(List<String> problems) {
    problems.forEach(p -> err().println("vigil gate: " + p));
    return ExitCodes.USAGE;
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
