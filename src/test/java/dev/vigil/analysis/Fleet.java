package dev.vigil.analysis;

import dev.vigil.analysis.alert.AlertRouting;
import dev.vigil.analysis.alert.Notification;
import dev.vigil.analysis.alert.Route;
import dev.vigil.analysis.latency.DetectionSettings;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic fleet driven minute by minute through an {@link AnalysisEngine} with an injected
 * clock: three placements (pg-a, pg-b, pg-c) of three tenants each, one journey every minute at
 * about 800 ms with seeded noise; tests make tenants slower by a factor.
 */
final class Fleet {
  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  static final List<String> PLACEMENTS = List.of("a", "b", "c");

  final Map<String, Double> slowdown = new HashMap<>();
  final List<Notification> notifications = new ArrayList<>();
  final Catalog catalog;
  final AnalysisEngine engine;
  private final Random random = new Random(7);
  private Instant now = T0;

  Fleet() {
    List<Tenant> tenants = new ArrayList<>();
    for (String p : PLACEMENTS) {
      for (int i = 1; i <= 3; i++) {
        tenants.add(tenant(p + i, Map.of("postgres", "pg-" + p, "odoo_pool", "pool-" + p, "node_pool", "np-1")));
      }
    }
    catalog = new Catalog(tenants, List.of());
    AnalysisSettings settings = new AnalysisSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1),
        DetectionSettings.DEFAULTS, Duration.ofMinutes(5), "http://vigil.test");
    engine = new AnalysisEngine(catalog, settings, new AlertRouting(Route.NOWHERE, id -> Route.NOWHERE),
        (notification, route) -> {
          notifications.add(notification);
          return Future.succeededFuture();
        }, () -> now);
  }

  static Tenant tenant(String id, Map<String, String> placement) {
    return new Tenant(id, id, URI.create("http://127.0.0.1:7018"), "db_" + id, OdooApi.SESSION,
        new Credentials("admin", new SecretRef.Env("UNUSED")), Tier.SHARED, placement,
        List.of(new TenantJourney("invoice", Duration.ofMinutes(1), Map.of(), Optional.empty())), Set.of(), "UTC",
        List.of(), Optional.empty(), AlertContacts.NONE, SourcePos.none("test"));
  }

  /** Runs every tenant's journey once, then a minute passes and the engine evaluates. */
  void minutes(int count) {
    for (int m = 0; m < count; m++) {
      for (Tenant tenant : catalog.tenants()) {
        long millis = Math.round((800 + random.nextGaussian() * 50) * slowdown.getOrDefault(tenant.id(), 1.0));
        engine.onRunCompleted(Runs.passed(tenant.id(), "invoice", now.plusSeconds(5), Math.max(millis, 1)));
      }
      now = now.plusSeconds(60);
      engine.sample(now);
      engine.evaluate(now);
    }
  }

  void slow(double factor, String... tenants) {
    for (String tenant : tenants) {
      slowdown.put(tenant, factor);
    }
  }

  void normal() {
    slowdown.clear();
  }
}
