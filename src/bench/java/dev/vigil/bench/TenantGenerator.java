package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the catalog Vigil monitors in the benchmark: one tenant file per sandbox database, each
 * running the chosen journeys at the same interval, and a copy of those journeys' files. The
 * password is a reference to {@link #PASSWORD_ENV}, set in Vigil's environment only.
 */
final class TenantGenerator {
  static final String PASSWORD_ENV = "VIGIL_BENCH_PASSWORD";

  private TenantGenerator() {}

  /**
   * Writes {@code tenantsDir/<tenant>.yaml} for every placement and copies
   * {@code sourceJourneys/<id>.yaml} for every journey into {@code journeysDir}.
   */
  static void write(List<SandboxFleet.Placement> placements, List<String> journeys, Duration interval,
      Path sourceJourneys, Path tenantsDir, Path journeysDir) throws IOException {
    Files.createDirectories(tenantsDir);
    Files.createDirectories(journeysDir);
    for (String journey : journeys) {
      Path source = sourceJourneys.resolve(journey + ".yaml");
      if (!Files.isRegularFile(source)) {
        throw new IllegalArgumentException("no journey file " + source);
      }
      Files.copy(source, journeysDir.resolve(journey + ".yaml"));
    }
    StringBuilder schedule = new StringBuilder();
    for (String journey : journeys) {
      schedule.append("  - {id: ").append(journey).append(", interval: ").append(interval.toSeconds()).append("s}\n");
    }
    for (SandboxFleet.Placement placement : placements) {
      String yaml = "name: Benchmark tenant " + placement.tenantId() + "\n"
          + "odoo:\n"
          + "  url: " + placement.baseUrl() + "\n"
          + "  database: " + placement.database() + "\n"
          + "  login: admin\n"
          + "  password: {env: " + PASSWORD_ENV + "}\n"
          + "tier: shared\n"
          + "placement: {odoo_pool: sandbox-" + placement.server() + "}\n"
          + "journeys:\n"
          + schedule;
      Files.writeString(tenantsDir.resolve(placement.tenantId() + ".yaml"), yaml);
    }
  }
}
