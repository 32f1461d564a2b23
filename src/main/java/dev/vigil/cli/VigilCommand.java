package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code vigil} command; see the subcommands. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Synthetic monitoring of Odoo business journeys, per tenant.",
    subcommands = {RunCommand.class, DemoCommand.class, CheckCommand.class, GateCommand.class, ValidateCommand.class,
      SandboxCommand.class, TokenCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (files valid, journey passed)",
      "1:the journey did not pass, a gate threshold was not met, or the files are invalid",
      "2:invalid arguments or configuration",
      "3:could not run (Odoo unreachable, login refused)"
    })
public final class VigilCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The configured command line: exit codes for usage errors follow {@link ExitCodes}. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new VigilCommand());
    line.setExitCodeExceptionMapper(error -> ExitCodes.USAGE);
    line.setParameterExceptionHandler((error, args) -> {
      error.getCommandLine().getErr().println("vigil: " + error.getMessage());
      error.getCommandLine().usage(error.getCommandLine().getErr());
      return ExitCodes.USAGE;
    });
    return line;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
