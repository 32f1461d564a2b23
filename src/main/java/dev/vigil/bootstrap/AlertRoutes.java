package dev.vigil.bootstrap;

import dev.vigil.analysis.alert.AlertRouting;
import dev.vigil.analysis.alert.Route;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.SecretResolver;
import dev.vigil.journey.SecretUnavailableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where alerts are pushed: each tenant's {@code alerts} (contacts, webhooks whose URLs are secret
 * references) and the platform team's {@code platform_alert_webhook}, their URLs read through the
 * {@link SecretResolver}. A webhook whose URL cannot be read, or is not an http(s) URL, is left out
 * and logged by its reference — never by its value, which may hold a token. Tenants' routes follow
 * the catalog ({@link #replace}).
 *
 * <p>Reading references may read files: {@link #resolve} and {@link #replace} block; call them at
 * start-up or on a worker. {@link #routing()} is read from the analysis' event loop: thread-safe.
 */
final class AlertRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);

  private final SecretResolver resolver;
  private final Route platform;
  private volatile Map<String, Route> tenants;

  private AlertRoutes(SecretResolver resolver, Route platform, Map<String, Route> tenants) {
    this.resolver = resolver;
    this.platform = platform;
    this.tenants = tenants;
  }

  /** The routes of this catalog and platform webhook. Blocking. */
  static AlertRoutes resolve(Catalog catalog, SecretResolver resolver, Optional<PlatformWebhook> platformWebhook) {
    Route platform = platformWebhook
        .flatMap(hook -> target(resolver, hook.format(), new SecretRef.Env(hook.variable()), "platform_alert_webhook"))
        .map(target -> new Route(List.of(target), List.of()))
        .orElse(Route.NOWHERE);
    return new AlertRoutes(resolver, platform, tenantRoutes(catalog, resolver));
  }

  /** The tenants' routes of a new catalog. Blocking. */
  void replace(Catalog catalog) {
    tenants = tenantRoutes(catalog, resolver);
  }

  /** The routing the analysis uses: always the latest tenants' routes. */
  AlertRouting routing() {
    return new AlertRouting(platform, tenantId -> tenants.get(tenantId));
  }

  private static Map<String, Route> tenantRoutes(Catalog catalog, SecretResolver resolver) {
    Map<String, Route> routes = new HashMap<>();
    for (Tenant tenant : catalog.tenants()) {
      AlertContacts alerts = tenant.alerts();
      List<Route.Target> targets = new ArrayList<>();
      for (AlertContacts.Webhook hook : alerts.webhooks()) {
        target(resolver, hook.format(), hook.url(), "tenant " + tenant.id()).ifPresent(targets::add);
      }
      if (!targets.isEmpty() || !alerts.contacts().isEmpty()) {
        routes.put(tenant.id(), new Route(targets, alerts.contacts()));
      }
    }
    return Map.copyOf(routes);
  }

  private static Optional<Route.Target> target(SecretResolver resolver, AlertContacts.WebhookFormat format,
      SecretRef ref, String whose) {
    String url;
    try {
      url = resolver.resolve(ref).reveal().strip();
    } catch (SecretUnavailableException e) {
      LOG.warn("{}: alert webhook not used: {}", whose, e.getMessage());
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return Optional.of(new Route.Target(format, uri));
      }
    } catch (IllegalArgumentException e) {
      // answered below, without the value
    }
    LOG.warn("{}: alert webhook not used: {} does not hold an http(s) URL", whose, ref.describe());
    return Optional.empty();
  }
}
