package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.domain.Tenant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RepositoryCatalogTest {

  @Test
  @DisplayName("The repository's journeys and tenants load with no problem")
  void repositoryLoads() throws CatalogException {
    Catalog catalog = CatalogLoader.load(ProjectFiles.tenants(), ProjectFiles.journeys());

    assertEquals(Set.of("health", "invoice-posting", "login", "purchase-approval", "stock-move"),
        catalog.journeys().stream().map(Journey::id).collect(Collectors.toSet()));
    assertEquals(Set.of("clinic-east", "clinic-north", "clinic-south", "clinic-west", "hospital-group"),
        catalog.tenants().stream().map(Tenant::id).collect(Collectors.toSet()));
    assertTrue(catalog.tenants().stream().allMatch(t -> !t.journeys().isEmpty()));
  }

  @Test
  @DisplayName("Validating the project folder finds its journeys/ and tenants/ subfolders")
  void validateProjectFolder() throws CatalogException {
    Catalog catalog = CatalogLoader.validate(ProjectFiles.dir());

    assertEquals(5, catalog.journeys().size());
    assertEquals(5, catalog.tenants().size());
  }
}
