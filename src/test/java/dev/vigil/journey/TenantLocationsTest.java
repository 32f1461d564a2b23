package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.PING;
import static dev.vigil.journey.CatalogFiles.TENANT_HEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.domain.Tenant;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Tenant files: the locations a tenant is checked from")
class TenantLocationsTest {
  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir).journey("ping.yaml", PING);
  }

  /** A tenant with the valid head (lines 1-9), then {@code rest} from line 10. */
  private CatalogFiles tenant(String rest) {
    return files.tenant("clinic.yaml", TENANT_HEAD + rest);
  }

  @Test
  @DisplayName("a tenant without locations is checked from the default location")
  void defaultLocation() throws CatalogException {
    tenant("journeys:\n  - {id: ping}\n");

    assertEquals(Set.of(Tenant.DEFAULT_LOCATION), files.load().tenant("clinic").orElseThrow().locations());
  }

  @Test
  @DisplayName("listed locations are read as given")
  void listed() throws CatalogException {
    tenant("locations: [eu-west, us-east-1]\njourneys:\n  - {id: ping}\n");

    assertEquals(Set.of("eu-west", "us-east-1"), files.load().tenant("clinic").orElseThrow().locations());
  }

  @Test
  @DisplayName("an empty list of locations is refused")
  void empty() {
    tenant("locations: []\njourneys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 10, "locations", "must hold at least one item");
  }

  @Test
  @DisplayName("a location that is not a label is refused, with what a label is")
  void badLabel() {
    tenant("locations: [eu-west, EU West]\njourneys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 10, "locations[1]", "'EU West' is not a location: lowercase letters, digits");
  }

  @Test
  @DisplayName("a location listed twice is refused")
  void repeated() {
    tenant("locations:\n  - eu-west\n  - eu-west\njourneys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 12, "locations[1]", "location 'eu-west' is listed twice");
  }
}
