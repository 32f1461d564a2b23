package dev.vigil.cli;

import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Journey;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Tenant;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil check}: runs one journey once against a tenant of the catalog, a target given on
 * the command line, or a built-in sandbox Odoo, and prints the step table.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Run one journey once and print each step's outcome and time.",
      "Target: --tenant T (from the tenants folder), or --base-url/--db/--login/--password-env,",
      "or --sandbox VERSION (a built-in sandbox Odoo 16, 17, 18 or 19, started for this check)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the journey passed",
      "1:the journey failed, errored or timed out",
      "2:invalid arguments or files",
      "3:could not run: Odoo unreachable or login refused"
    })
public final class CheckCommand implements Callable<Integer> {
  private static final Duration GRACE = Duration.ofSeconds(30);

  @Option(names = "--journey", required = true, paramLabel = "J", description = "Journey id (a file in the journeys folder).")
  String journeyId;

  @Option(names = "--tenant", paramLabel = "T", description = "Tenant id (a file in the tenants folder).")
  String tenantId;

  @Option(names = "--sandbox", paramLabel = "VERSION", description = "Start a built-in sandbox Odoo of this major version and check against it.")
  Integer sandboxVersion;

  @ArgGroup(exclusive = false, heading = "%nAd-hoc target:%n")
  AdHocTarget target;

  @CommandLine.Mixin CatalogDirs dirs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<String> problems = targetProblems();
    if (!problems.isEmpty()) {
      problems.forEach(p -> err().println("vigil check: " + p));
      return ExitCodes.USAGE;
    }
    Catalog catalog;
    try {
      catalog = tenantId != null ? CatalogLoader.load(dirs.tenantsDir, dirs.journeysDir) : CatalogLoader.loadJourneys(dirs.journeysDir);
    } catch (CatalogException invalid) {
      err().println(invalid.getMessage());
      return ExitCodes.USAGE;
    }
    Optional<Journey> journey = catalog.journey(journeyId);
    if (journey.isEmpty()) {
      err().println("vigil check: no journey '" + journeyId + "' in " + dirs.journeysDir + " (known: "
          + String.join(", ", catalog.journeys().stream().map(Journey::id).toList()) + ")");
      return ExitCodes.USAGE;
    }
    if (tenantId != null && catalog.tenant(tenantId).isEmpty()) {
      err().println("vigil check: no tenant '" + tenantId + "' in " + dirs.tenantsDir);
      return ExitCodes.USAGE;
    }
    Vertx vertx = Vertx.vertx();
    try {
      return check(vertx, catalog, journey.get());
    } finally {
      vertx.close();
    }
  }

  private List<String> targetProblems() {
    List<String> problems = new ArrayList<>();
    int targets = (tenantId != null ? 1 : 0) + (sandboxVersion != null ? 1 : 0) + (target != null ? 1 : 0);
    if (targets != 1) {
      problems.add("give exactly one target: --tenant T, --sandbox VERSION, or --base-url URL --db DB --password-env VAR");
    }
    if (target != null) {
      problems.addAll(target.problems());
    }
    if (sandboxVersion != null && (sandboxVersion < 16 || sandboxVersion > 19)) {
      problems.add("--sandbox takes an Odoo major version from 16 to 19, not " + sandboxVersion);
    }
    return problems;
  }

  private int check(Vertx vertx, Catalog catalog, Journey journey) {
    Future<CheckTarget> started = sandboxVersion != null
        ? CheckTarget.sandbox(vertx, sandboxVersion, journey.id())
        : Future.succeededFuture(CheckTarget.of(tenant(catalog), new SecretResolver(System::getenv)));
    try {
      CheckTarget checkTarget = Waiting.forResult(started, GRACE);
      if (!checkTarget.problems().isEmpty()) {
        checkTarget.problems().forEach(p -> err().println("vigil check: " + p));
        return ExitCodes.USAGE;
      }
      Engine engine = new Engine(vertx, checkTarget.secrets(), "cli");
      RunRequest request = new RunRequest(checkTarget.tenant(), journey,
          new RunIds(InstantSource.system()).next(), RunSource.MANUAL, Instant.now());
      Future<RunResult> run = Future.future(promise ->
          vertx.getOrCreateContext().runOnContext(ignored -> engine.runner().run(request).onComplete(promise)));
      RunResult result = Waiting.forResult(run, journey.timeout().multipliedBy(2).plus(GRACE));
      RunTable.print(result, new PrintWriter(spec.commandLine().getOut(), true));
      return exitCode(result);
    } catch (TimeoutException | ExecutionException e) {
      err().println("vigil check: " + (e instanceof TimeoutException ? "gave up waiting for the run" : e.getCause().getMessage()));
      return ExitCodes.CANNOT_RUN;
    }
  }

  private Tenant tenant(Catalog catalog) {
    return tenantId != null ? catalog.tenant(tenantId).orElseThrow() : target.toTenant(journeyId);
  }

  private static int exitCode(RunResult result) {
    if (result.outcome() == Outcome.PASSED) {
      return ExitCodes.OK;
    }
    boolean cannotRun = result.outcome() == Outcome.ERRORED
        && result.errorClass().filter(c -> c == ErrorClass.CONNECTION || c == ErrorClass.AUTH).isPresent();
    return cannotRun ? ExitCodes.CANNOT_RUN : ExitCodes.FAILED;
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
