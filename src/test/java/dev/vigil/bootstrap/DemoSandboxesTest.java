package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Catalog;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoSandboxesTest {
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));

  @Test
  @DisplayName("the example tenants ask for one sandbox server per URL, serving all their databases")
  void plansTheExampleSandboxes() throws Exception {
    Catalog catalog = CatalogLoader.load(PROJECT.resolve("tenants"), PROJECT.resolve("journeys"));
    Map<String, SandboxConfig> plan = DemoSandboxes.plan(catalog);
    assertEquals(Set.of("http://127.0.0.1:7016", "http://127.0.0.1:7017", "http://127.0.0.1:7018"), plan.keySet());
    SandboxConfig odoo16 = plan.get("http://127.0.0.1:7016");
    assertEquals(16, odoo16.odooVersion());
    assertEquals(7016, odoo16.port());
    assertEquals(Set.of("hospital_group", "clinic_east"),
        odoo16.databases().stream().map(SandboxConfig.Database::name).collect(Collectors.toSet()));
    assertTrue(odoo16.databases().stream().allMatch(d -> d.modules().contains("purchase")));
  }

  @Test
  @DisplayName("tenants on one URL that ask for different versions are refused, naming the URL")
  void refusesConflictingVersions() throws Exception {
    Catalog catalog = CatalogLoader.load(PROJECT.resolve("tenants"), PROJECT.resolve("journeys"));
    var north = catalog.tenant("clinic-north").orElseThrow();
    var clash = new dev.vigil.domain.Tenant("clash", "Clash", north.baseUrl(), "clash", north.api(), north.credentials(),
        north.tier(), north.placement(), north.journeys(), north.allowedOrigins(), north.timezone(), List.of(),
        java.util.Optional.of(new dev.vigil.domain.SandboxHint(16, Set.of())), north.alerts(), north.source());
    Catalog clashing = new Catalog(List.of(north, clash), List.copyOf(catalog.journeys()));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DemoSandboxes.plan(clashing));
    assertTrue(error.getMessage().contains("http://127.0.0.1:7018"), error.getMessage());
  }

  @Test
  @DisplayName("each example server is sampled under the placement labels all its tenants share: sandbox-16 serves two tenants")
  void sharedLabelsOfTheExamples() throws Exception {
    Catalog catalog = CatalogLoader.load(PROJECT.resolve("tenants"), PROJECT.resolve("journeys"));
    var on7016 = catalog.tenants().stream().filter(t -> t.baseUrl().getPort() == 7016).toList();
    assertEquals(Set.of("clinic-east", "hospital-group"), on7016.stream().map(t -> t.id()).collect(Collectors.toSet()));
    assertEquals(Map.of("odoo_pool", "sandbox-16", "postgres", "pg-b"), DemoSandboxes.sharedLabels(on7016));
    var north = catalog.tenant("clinic-north").orElseThrow();
    var west = catalog.tenant("clinic-west").orElseThrow();
    assertEquals(Map.of(), DemoSandboxes.sharedLabels(List.of(north, west)));
    assertEquals(Map.of(), DemoSandboxes.sharedLabels(List.of()));
  }
}
