package dev.vigil.cli;

import dev.vigil.bootstrap.DemoSandboxes;
import dev.vigil.bootstrap.Monitor;
import dev.vigil.bootstrap.RunConfig;
import dev.vigil.domain.Catalog;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vigil demo}: starts the sandbox Odoo servers the example tenants ask for and monitors
 * them, so a newcomer sees live monitoring with one command; the analysis samples each sandbox's
 * per-database activity and runs on 1-minute windows (by default), so that heavy load put on one
 * database ({@code PUT /vigil/sandbox/load/<db>}) shows as a finding within minutes.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start a sandbox Odoo for every tenant with a 'sandbox:' hint (the examples in tenants/),",
      "then monitor all tenants like 'vigil run'. Same flags as 'vigil run'."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String SANDBOX_PASSWORD_VARIABLE = "VIGIL_SANDBOX_PASSWORD";

  @Mixin RunOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return new MonitorLauncher(spec, "demo", true, RunConfig.demoDefaults())
        .run(options, demoEnvironment(System::getenv), "127.0.0.1", new Sandboxes());
  }

  /** The environment, where the sandbox password defaults to the sandbox's own ("admin"). */
  static Function<String, String> demoEnvironment(Function<String, String> env) {
    return name -> {
      String value = env.apply(name);
      return value == null && SANDBOX_PASSWORD_VARIABLE.equals(name) ? "admin" : value;
    };
  }

  /**
   * The sandbox servers, on a Vert.x of their own: they stand for other machines, so their HTTP
   * traffic must not count in Vigil's own Vert.x metrics.
   */
  private static final class Sandboxes implements MonitorLauncher.Companion {
    private final Vertx vertx = Vertx.vertx();

    @Override
    public Future<List<String>> start(Catalog catalog, Monitor monitor) {
      return DemoSandboxes.start(vertx, catalog)
          .onSuccess(sandboxes -> DemoSandboxes.watch(monitor, catalog, sandboxes))
          .map(Sandboxes::describe);
    }

    @Override
    public void stop() {
      vertx.close();
    }

    private static List<String> describe(List<SandboxOdoo> sandboxes) {
      return sandboxes.stream()
          .map(s -> "sandbox Odoo " + s.config().odooVersion() + " on " + s.baseUrl() + ": "
              + String.join(", ", s.config().databases().stream().map(d -> d.name()).toList()))
          .toList();
    }
  }
}
