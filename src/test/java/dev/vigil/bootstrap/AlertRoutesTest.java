package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analysis.alert.AlertKind;
import dev.vigil.analysis.alert.AlertRouting;
import dev.vigil.analysis.alert.Route;
import dev.vigil.api.TestAnalysis;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.AlertContacts.WebhookFormat;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.Tier;
import dev.vigil.journey.SecretResolver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Alert routes: tenants' webhooks and the platform's, read through their secret references")
class AlertRoutesTest {
  static Tenant tenant(String id, AlertContacts alerts) {
    return new Tenant(id, id, URI.create("http://127.0.0.1:1"), id, OdooApi.SESSION,
        new Credentials("admin", new SecretRef.Env("X")), Tier.SHARED, Map.of(), List.of(), Set.of(), "UTC", List.of(),
        Optional.empty(), alerts, SourcePos.none("test"));
  }

  @Test
  @DisplayName("routes each alert to its owner's webhooks; an unreadable or non-URL reference is left out")
  void routes() {
    Catalog catalog = new Catalog(List.of(
        tenant("clinic-north", new AlertContacts(List.of("it@north"), List.of(
            new AlertContacts.Webhook(WebhookFormat.SLACK, new SecretRef.Env("NORTH_HOOK")),
            new AlertContacts.Webhook(WebhookFormat.ALERTMANAGER, new SecretRef.Env("UNSET_HOOK")),
            new AlertContacts.Webhook(WebhookFormat.ALERTMANAGER, new SecretRef.Env("NOT_A_URL"))))),
        tenant("clinic-south", AlertContacts.NONE)), List.of());
    Map<String, String> env = Map.of("NORTH_HOOK", "https://hooks.example/T0/secret-token",
        "NOT_A_URL", "secret-token-without-scheme", "PLATFORM_HOOK", "https://am.example/api/v2/alerts");
    AlertRoutes routes = AlertRoutes.resolve(catalog, new SecretResolver(env::get),
        Optional.of(PlatformWebhook.parse("PLATFORM_HOOK")));
    AlertRouting routing = routes.routing();

    Route north = routing.route(TestAnalysis.NORTH_DOWN);
    assertEquals(1, north.targets().size());
    assertEquals(WebhookFormat.SLACK, north.targets().get(0).format());
    assertEquals(List.of("it@north"), north.contacts());
    assertTrue(!north.toString().contains("secret-token"));
    assertEquals(Route.NOWHERE, routing.route(TestAnalysis.SOUTH_DOWN));
    Route platform = routing.route(TestAnalysis.CONTENTION);
    assertEquals(WebhookFormat.ALERTMANAGER, platform.targets().get(0).format());
    assertEquals("https://am.example/api/v2/alerts", platform.targets().get(0).url().toString());

    routes.replace(new Catalog(List.of(tenant("clinic-north", AlertContacts.NONE)), List.of()));
    assertEquals(Route.NOWHERE, routing.route(TestAnalysis.NORTH_DOWN));
    assertEquals(AlertKind.JOURNEY_DOWN, TestAnalysis.NORTH_DOWN.kind());
  }

  @Test
  @DisplayName("platform_alert_webhook is [alertmanager:|slack:]VARIABLE")
  void parsesTheReference() {
    assertEquals(new PlatformWebhook(WebhookFormat.SLACK, "OPS_HOOK"), PlatformWebhook.parse("slack:OPS_HOOK"));
    assertEquals(new PlatformWebhook(WebhookFormat.ALERTMANAGER, "OPS_HOOK"), PlatformWebhook.parse(" OPS_HOOK "));
    assertThrows(IllegalArgumentException.class, () -> PlatformWebhook.parse("https://hooks.example/x"));
  }
}
