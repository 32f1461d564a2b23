package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Condition;
import dev.vigil.domain.Journey;
import dev.vigil.domain.MaintenanceWindow;
import dev.vigil.domain.SandboxHint;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepAction;
import dev.vigil.domain.Tenant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RepositoryCatalogTest {

  @Test
  @DisplayName("The repository's journeys and tenants load with no problem")
  void repositoryLoads() throws CatalogException {
    Catalog catalog = CatalogLoader.load(ProjectFiles.tenants(), ProjectFiles.journeys());

    assertEquals(Set.of("health", "invoice-posting", "login", "purchase-approval", "stock-move", "web-invoices", "web-login"),
        catalog.journeys().stream().map(Journey::id).collect(Collectors.toSet()));
    assertEquals(Set.of("clinic-east", "clinic-north", "clinic-south", "clinic-west", "hospital-group"),
        catalog.tenants().stream().map(Tenant::id).collect(Collectors.toSet()));
    assertTrue(catalog.tenants().stream().allMatch(t -> !t.journeys().isEmpty()));
  }

  @Test
  @DisplayName("stock-move's version-dependent write keeps the ids template and its condition")
  void stockMoveWrite() throws CatalogException {
    Journey journey = CatalogLoader.loadJourneys(ProjectFiles.journeys()).journey("stock-move").orElseThrow();
    Step step = journey.steps().stream()
        .filter(s -> s.name().equals("set-done-quantity")).findFirst().orElseThrow();

    assertEquals(new StepAction.OdooCall("stock.move", "write",
            List.of("${vars.moves}", Map.of("quantity", "${params.quantity}", "picked", true)),
            Map.of(), Map.of()),
        step.action());
    assertEquals(List.of(new Condition.OdooVersion(Condition.Comparison.GE, 17)),
        step.when().orElseThrow().clauses());
    assertEquals(Duration.ofSeconds(90), journey.timeout());
  }

  @Test
  @DisplayName("invoice-posting's delete has its cancel fallback, and its teardown reads main-step variables")
  void invoiceTeardown() throws CatalogException {
    Journey journey = CatalogLoader.loadJourneys(ProjectFiles.journeys()).journey("invoice-posting").orElseThrow();
    Step delete = journey.teardown().get(2);

    assertEquals("delete-invoice", delete.name());
    assertEquals(new StepAction.OdooCall("account.move", "unlink", List.of(List.of("${vars.invoice}")),
        Map.of(), Map.of()), delete.action());
    assertEquals(new StepAction.OdooCall("account.move", "button_cancel",
            List.of(List.of("${vars.invoice}")), Map.of(), Map.of()),
        delete.fallback().orElseThrow().action());
  }

  @Test
  @DisplayName("hospital-group overrides a declared param of purchase-approval")
  void tenantOverride() throws CatalogException {
    Catalog catalog = CatalogLoader.load(ProjectFiles.tenants(), ProjectFiles.journeys());
    Tenant tenant = catalog.tenant("hospital-group").orElseThrow();

    assertEquals(Map.of("vendor", "Wood Corner"), tenant.journey("purchase-approval").orElseThrow().params());
    assertEquals(Duration.ofMinutes(10), tenant.journey("purchase-approval").orElseThrow().interval());
    assertEquals(new SecretRef.Env("VIGIL_SANDBOX_PASSWORD"), tenant.credentials().secret());
  }

  @Test
  @DisplayName("Every example tenant hints the sandbox of its port: 7016 is Odoo 16, 7017 is 17, 7018 is 18")
  void sandboxHints() throws CatalogException {
    Catalog catalog = CatalogLoader.load(ProjectFiles.tenants(), ProjectFiles.journeys());

    for (Tenant tenant : catalog.tenants()) {
      SandboxHint hint = tenant.sandbox().orElseThrow(() -> new AssertionError(tenant.id() + " has no hint"));
      assertEquals(tenant.baseUrl().getPort() - 7000, hint.version(), tenant.id());
    }
    assertEquals(Optional.of(new SandboxHint(16, Set.of("purchase"))),
        catalog.tenant("hospital-group").orElseThrow().sandbox(), "purchase-approval needs purchase");
  }

  @Test
  @DisplayName("clinic-west has its weekly backup window on Sundays at 02:00 for 2h")
  void clinicWestMaintenance() throws CatalogException {
    Catalog catalog = CatalogLoader.load(ProjectFiles.tenants(), ProjectFiles.journeys());

    assertEquals(List.of(new MaintenanceWindow.Recurring(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0),
            Duration.ofHours(2), "weekly backup")),
        catalog.tenant("clinic-west").orElseThrow().maintenance());
  }

  @Test
  @DisplayName("Validating the project folder finds its journeys/ and tenants/ subfolders")
  void validateProjectFolder() throws CatalogException {
    Catalog catalog = CatalogLoader.validate(ProjectFiles.dir());

    assertEquals(7, catalog.journeys().size());
    assertEquals(5, catalog.tenants().size());
  }
}
