package dev.vigil.cli;

import dev.vigil.domain.Catalog;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil validate [DIR]}: checks tenant and journey files and lists every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate tenant and journey files and list every problem with file:line:column.",
      "DIR may hold tenants/ and journeys/ folders, or be a folder of YAML files."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", defaultValue = ".", paramLabel = "DIR", description = "Folder to validate (default: ${DEFAULT-VALUE}).")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("vigil validate: " + dir + " is not a folder");
      return ExitCodes.USAGE;
    }
    try {
      Catalog catalog = CatalogLoader.validate(dir);
      spec.commandLine().getOut().printf("valid: %d tenant(s), %d journey(s)%n",
          catalog.tenants().size(), catalog.journeys().size());
      return ExitCodes.OK;
    } catch (CatalogException invalid) {
      spec.commandLine().getErr().println(invalid.getMessage());
      spec.commandLine().getErr().printf("%d problem(s)%n", invalid.problems().size());
      return ExitCodes.FAILED;
    }
  }
}
