package dev.vigil.cli;

import dev.vigil.bootstrap.RunConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil run}: monitors every tenant of the catalog until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Monitor every tenant in the tenants folder, around the clock, until stopped (SIGTERM, Ctrl-C).",
      "Settings: flags, else VIGIL_* environment variables, else --config FILE, else defaults.",
      "Tenant and journey files are reloaded when they change, or on SIGHUP."
    })
public final class RunCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return new MonitorLauncher(spec, "run", false, RunConfig.defaults())
        .run(options, System::getenv, "0.0.0.0", MonitorLauncher.Companion.NONE);
  }
}
