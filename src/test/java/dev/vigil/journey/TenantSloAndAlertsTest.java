package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.PING;
import static dev.vigil.journey.CatalogFiles.TENANT_HEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.Slo;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Tenant files: SLOs per journey and alert contacts")
class TenantSloAndAlertsTest {
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
  @DisplayName("objectives and contacts are read, with their defaults")
  void read() throws CatalogException {
    tenant("""
        alerts:
          contacts: [it@clinic.example, "@clinic-oncall"]
          webhooks:
            - {format: slack, url: {env: CLINIC_SLACK_WEBHOOK}}
            - {format: alertmanager, url: {file: /run/secrets/am-url}}
        journeys:
          - id: ping
            budget: 3s
            slo: {success: 99.5}
        """);
    Tenant tenant = files.load().tenant("clinic").orElseThrow();

    TenantJourney ping = tenant.journey("ping").orElseThrow();
    assertEquals(Optional.of(new Slo(0.995, 0.95, Optional.empty(), Duration.ofDays(30))), ping.slo());
    assertEquals(new AlertContacts(List.of("it@clinic.example", "@clinic-oncall"), List.of(
        new AlertContacts.Webhook(AlertContacts.WebhookFormat.SLACK, new SecretRef.Env("CLINIC_SLACK_WEBHOOK")),
        new AlertContacts.Webhook(AlertContacts.WebhookFormat.ALERTMANAGER, new SecretRef.File("/run/secrets/am-url")))),
        tenant.alerts());
  }

  @Test
  @DisplayName("every SLO key is read: latency, threshold, and a period in days or as a duration")
  void fullSlo() throws CatalogException {
    tenant("""
        journeys:
          - id: ping
            slo: {success: 99.9, latency: 90, threshold: 800ms, period: 7d}
        """);
    Slo slo = files.load().tenant("clinic").orElseThrow().journey("ping").orElseThrow().slo().orElseThrow();

    assertEquals(new Slo(0.999, 0.9, Optional.of(Duration.ofMillis(800)), Duration.ofDays(7)), slo);
  }

  @Test
  @DisplayName("a tenant without alerts or SLOs has none")
  void none() throws CatalogException {
    tenant("journeys:\n  - {id: ping}\n");
    Tenant tenant = files.load().tenant("clinic").orElseThrow();

    assertEquals(AlertContacts.NONE, tenant.alerts());
    assertEquals(Optional.empty(), tenant.journey("ping").orElseThrow().slo());
  }

  @Test
  @DisplayName("an objective of 100% is refused: it leaves no error budget")
  void hundredPercent() {
    tenant("journeys:\n  - id: ping\n    slo: {success: 100}\n");

    files.onlyProblem("clinic.yaml", 12, "journeys[0].slo.success", "a percentage above 0 and below 100, found 100");
  }

  @Test
  @DisplayName("an SLO without its success objective is refused")
  void missingSuccess() {
    tenant("journeys:\n  - id: ping\n    slo: {latency: 95}\n");

    files.onlyProblem("clinic.yaml", 12, "journeys[0].slo.success", "missing required key 'success'");
  }

  @Test
  @DisplayName("a period beyond 90 days is refused")
  void longPeriod() {
    tenant("journeys:\n  - id: ping\n    slo: {success: 99, period: 365d}\n");

    files.onlyProblem("clinic.yaml", 12, "journeys[0].slo.period", "the period must be from 1d to 90d, found 365d");
  }

  @Test
  @DisplayName("a webhook URL written inline is refused without repeating it: it holds a token")
  void inlineWebhook() {
    tenant("""
        alerts:
          webhooks:
            - {format: slack, url: "https://hooks.slack.com/services/T0/B0/XYZ"}
        journeys:
          - {id: ping}
        """);

    Problem problem = files.onlyProblem("clinic.yaml", 12, "alerts.webhooks[0].url", "a secret must not be written in the file");
    assertEquals(false, problem.message().contains("XYZ"));
  }

  @Test
  @DisplayName("an unknown webhook format is refused with the known ones")
  void unknownFormat() {
    tenant("""
        alerts:
          webhooks:
            - {format: slak, url: {env: HOOK}}
        journeys:
          - {id: ping}
        """);

    files.onlyProblem("clinic.yaml", 12, "alerts.webhooks[0].format", "did you mean 'slack'?");
  }
}
