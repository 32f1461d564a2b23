package dev.vigil.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.Tier;
import dev.vigil.engine.http.OriginGuard;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OriginGuardTest {
  private static final Tenant TENANT = new Tenant("clinic-north", "Clinic North", URI.create("https://odoo.clinic.test"),
      "clinic_north", OdooApi.SESSION, new Credentials("admin", new SecretRef.Env("X")), Tier.SHARED, Map.of(),
      List.of(), Set.of("https://cdn.clinic.test:8443"), "UTC", List.of(),
      java.util.Optional.empty(), AlertContacts.NONE, SourcePos.none("test"));

  @Test
  @DisplayName("paths resolve on the tenant's Odoo and its listed origins are allowed")
  void allowsOwnAndListedOrigins() {
    OriginGuard guard = new OriginGuard(TENANT);
    assertEquals(URI.create("https://odoo.clinic.test/web/health"), guard.resolve("/web/health"));
    assertEquals(URI.create("https://ODOO.clinic.test:443/web"), guard.resolve("https://ODOO.clinic.test:443/web"));
    assertEquals(URI.create("https://cdn.clinic.test:8443/x"), guard.resolve("https://cdn.clinic.test:8443/x"));
  }

  @Test
  @DisplayName("any other origin is refused as a journey fault, so Vigil cannot be used as a proxy")
  void refusesOtherOrigins() {
    OriginGuard guard = new OriginGuard(TENANT);
    for (String url : List.of("http://odoo.clinic.test/web", "https://169.254.169.254/latest/meta-data",
        "https://odoo.clinic.test:8069/", "https://cdn.clinic.test/x", "//evil.test/x")) {
      StepFault fault = assertThrows(StepFault.class, () -> guard.resolve(url), url);
      assertEquals(ErrorClass.JOURNEY, fault.errorClass());
      assertTrue(fault.getMessage().contains("not allowed"), fault.getMessage());
    }
  }
}
