package dev.vigil.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --tenants} and {@code --journeys} folders of the commands that read the catalog once. */
final class CatalogDirs {
  @Option(names = "--tenants", paramLabel = "DIR", defaultValue = "tenants", description = "Tenants folder (default: ${DEFAULT-VALUE}).")
  Path tenantsDir;

  @Option(names = "--journeys", paramLabel = "DIR", defaultValue = "journeys", description = "Journeys folder (default: ${DEFAULT-VALUE}).")
  Path journeysDir;
}
