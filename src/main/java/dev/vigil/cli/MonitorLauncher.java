package dev.vigil.cli;

import dev.vigil.api.auth.IssuedToken;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.bootstrap.ConfigException;
import dev.vigil.bootstrap.Monitor;
import dev.vigil.bootstrap.RunConfig;
import dev.vigil.bootstrap.RunConfigLoader;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Runs a {@link Monitor} until the process is told to stop: reads the configuration and the
 * catalog (refusing to start with every problem listed), starts monitoring, reloads on SIGHUP, and
 * on SIGTERM/Ctrl-C stops scheduling and waits for in-flight runs and their teardowns.
 */
final class MonitorLauncher {
  private static final Duration START_LIMIT = Duration.ofMinutes(1);
  private static final Duration STOP_SLACK = Duration.ofSeconds(15);

  private final CommandLine.Model.CommandSpec spec;
  private final String name;
  private final boolean demoTokens;
  private final RunConfig defaults;

  /**
   * @param demoTokens whether to create and print one API token per role once monitoring runs ({@code vigil demo})
   * @param defaults the settings no source gives ({@link RunConfig#defaults()}, or the demo's)
   */
  MonitorLauncher(CommandLine.Model.CommandSpec spec, String name, boolean demoTokens, RunConfig defaults) {
    this.spec = spec;
    this.name = name;
    this.demoTokens = demoTokens;
    this.defaults = defaults;
  }

  /**
   * Something started before monitoring and stopped after it (the demo's sandbox Odoo servers):
   * stopping it only once the monitor has stopped lets in-flight runs finish their teardown.
   */
  interface Companion {
    Companion NONE = new Companion() {
      @Override
      public Future<java.util.List<String>> start(Catalog catalog, Monitor monitor) {
        return Future.succeededFuture(java.util.List.of());
      }

      @Override
      public void stop() {}
    };

    /**
     * Starts, before {@code monitor} does (and may tell it what else to watch); completes with
     * lines to print once monitoring runs.
     */
    Future<java.util.List<String>> start(Catalog catalog, Monitor monitor);

    /** Stops, not waited for (closing a Vert.x leaves nothing alive to hear that it closed). */
    void stop();
  }

  int run(RunOptions options, Function<String, String> env, String httpHost, Companion companion) {
    RunConfig config;
    Catalog catalog;
    try {
      config = RunConfigLoader.load(options.configFile(), env, options.flags(), defaults);
      catalog = CatalogLoader.load(config.tenantsDir(), config.journeysDir());
    } catch (ConfigException | CatalogException invalid) {
      err().println(invalid.getMessage());
      err().println("vigil " + name + ": not started");
      return ExitCodes.USAGE;
    }
    Monitor monitor = new Monitor(config, httpHost, new SecretResolver(env));
    java.util.List<String> notes;
    try {
      notes = Waiting.forResult(companion.start(catalog, monitor)
          .compose(lines -> monitor.start(catalog).map(lines)), START_LIMIT);
    } catch (TimeoutException | ExecutionException e) {
      err().println("vigil " + name + ": cannot start: "
          + (e instanceof ExecutionException ? e.getCause().getMessage() : "not started within " + START_LIMIT.toSeconds() + " s"));
      stop(monitor, companion, config);
      return ExitCodes.CANNOT_RUN;
    }
    long checks = catalog.tenants().stream().mapToLong(t -> t.journeys().size()).sum();
    PrintWriter out = spec.commandLine().getOut();
    notes.forEach(out::println);
    String base = "http://" + ("0.0.0.0".equals(httpHost) ? "localhost" : httpHost) + ":" + monitor.httpPort();
    out.printf("vigil %s: monitoring %d checks of %d tenants; metrics on %s/metrics; dashboard on %s/dashboard/;"
        + " Ctrl-C stops%n", name, checks, catalog.tenants().size(), base, base);
    if (demoTokens) {
      printDemoTokens(monitor, catalog, out);
    }
    out.flush();
    reloadOnHangup(monitor);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(monitor, companion, config);
      stopped.countDown();
    }, "vigil-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /**
   * One new token per role, so that a newcomer can log in to the dashboard and call the API: the
   * tenant admin's for the first tenant. Printed here once, never logged.
   */
  private void printDemoTokens(Monitor monitor, Catalog catalog, PrintWriter out) {
    Optional<TokenStore> tokens = monitor.tokens();
    Optional<String> tenant = catalog.tenants().stream().map(Tenant::id).findFirst();
    if (tokens.isEmpty() || tenant.isEmpty()) {
      err().println("vigil " + name + ": no demo tokens (no tenant, or PostgreSQL not connected); see 'vigil token create'");
      return;
    }
    out.println("API tokens for this demo (new at each start, shown only here):");
    try {
      for (Role role : Role.values()) {
        Optional<String> scope = role == Role.TENANT_ADMIN ? tenant : Optional.empty();
        IssuedToken issued = Waiting.forResult(
            tokens.get().create(role, scope, "vigil demo", Optional.empty()), Duration.ofSeconds(30));
        out.printf("  %-13s %s%s%n", role.label(), issued.token(), scope.map(t -> "  (tenant " + t + ")").orElse(""));
      }
    } catch (TimeoutException | ExecutionException e) {
      err().println("vigil " + name + ": could not create the demo tokens: "
          + (e instanceof ExecutionException ? e.getCause().getMessage() : "no answer in time"));
    }
  }

  private static void stop(Monitor monitor, Companion companion, RunConfig config) {
    try {
      Waiting.forResult(monitor.stop(), config.shutdownGrace().plus(STOP_SLACK));
    } catch (TimeoutException | ExecutionException e) {
      System.err.println("vigil: stopped without waiting for every run: " + e.getMessage());
    }
    companion.stop();
  }

  /** SIGHUP reloads tenants and journeys now, where the platform has that signal. */
  private static void reloadOnHangup(Monitor monitor) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> monitor.reloadNow());
    } catch (IllegalArgumentException noSuchSignal) {
      // not on this platform: the file watch still reloads
    }
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
