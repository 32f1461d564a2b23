package dev.vigil.cli;

import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import dev.vigil.sandbox.SessionExpiryMode;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil sandbox}: serves a built-in sandbox Odoo until interrupted. */
@Command(
    name = "sandbox",
    description = {
      "Start the built-in sandbox Odoo: answers the JSON-RPC calls of Vigil's journeys in the",
      "dialect of Odoo 16, 17, 18 or 19, for demos and tests. Not a replacement for a real Odoo.",
      "Users: admin (password 'admin', or the value of --password-env) and demo/demo."
    })
public final class SandboxCommand implements Callable<Integer> {
  private static final Duration START_LIMIT = Duration.ofSeconds(30);

  /** Declared by hand: the standard help mixin would also claim --version, which here is Odoo's. */
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--port", defaultValue = "8069", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--version", defaultValue = "18", paramLabel = "MAJOR", description = "Odoo major version: 16, 17, 18 or 19 (default: ${DEFAULT-VALUE}).")
  int odooVersion;

  @Option(names = "--db", paramLabel = "NAME", description = "A database to serve (repeatable; default: odoo).")
  List<String> databases = new ArrayList<>();

  @Option(names = "--with-purchase", description = "Install the purchase module in every database.")
  boolean purchase;

  @Option(names = "--workers", defaultValue = "4", description = "Workers shared by all databases (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--latency-scale", defaultValue = "1.0", description = "Multiplier of the recorded service times; 0 answers at once (default: ${DEFAULT-VALUE}).")
  double latencyScale;

  @Option(names = "--session-expiry", defaultValue = "SESSION_EXPIRED", description = "How a lost session answers: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SessionExpiryMode sessionExpiry;

  @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable with the admin password (default password: admin).")
  String passwordEnv;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SandboxConfig config = config();
    List<String> problems = config.validate();
    if (!problems.isEmpty()) {
      problems.forEach(p -> spec.commandLine().getErr().println("vigil sandbox: " + p));
      return ExitCodes.USAGE;
    }
    Vertx vertx = Vertx.vertx();
    try {
      SandboxOdoo sandbox = Waiting.forResult(SandboxOdoo.start(vertx, config), START_LIMIT);
      spec.commandLine().getOut().printf("sandbox Odoo %d listening on %s, databases: %s (Ctrl-C to stop)%n",
          odooVersion, sandbox.baseUrl(), String.join(", ", names()));
      spec.commandLine().getOut().flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        vertx.close();
        stopped.countDown();
      }, "vigil-sandbox-shutdown"));
      stopped.await();
      return ExitCodes.OK;
    } catch (TimeoutException | ExecutionException e) {
      spec.commandLine().getErr().println("vigil sandbox: cannot start: "
          + (e instanceof ExecutionException ? e.getCause().getMessage() : "no answer in " + START_LIMIT.toSeconds() + " s"));
      vertx.close();
      return ExitCodes.CANNOT_RUN;
    }
  }

  private SandboxConfig config() {
    SandboxConfig config = SandboxConfig.defaults(odooVersion)
        .withPort(port)
        .withWorkers(workers)
        .withLatencyScale(latencyScale)
        .withSessionExpiry(sessionExpiry);
    for (String name : names()) {
      SandboxConfig.Database database = SandboxConfig.Database.of(name);
      config = config.withDatabase(purchase ? database.withModule("purchase") : database);
    }
    String password = passwordEnv == null ? null : System.getenv(passwordEnv);
    return password == null || password.isEmpty() ? config : config.withPasswords(password, config.demoPassword());
  }

  private List<String> names() {
    return databases.isEmpty() ? List.of("odoo") : databases;
  }
}
