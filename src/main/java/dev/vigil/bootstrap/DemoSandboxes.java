package dev.vigil.bootstrap;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.SandboxHint;
import dev.vigil.domain.Tenant;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For {@code vigil demo}: starts one sandbox Odoo server per base URL among the tenants that carry
 * a {@code sandbox:} hint, serving all of their databases — so tenants on one URL share one
 * server's workers, as tenants on one Odoo pool do — and has the monitor sample each server's
 * per-database activity ({@link #watch}).
 */
public final class DemoSandboxes {
  private DemoSandboxes() {}

  /** The servers to start, by base URL; fails when tenants on one URL disagree on the version. */
  static Map<String, SandboxConfig> plan(Catalog catalog) {
    Map<String, SandboxConfig> byUrl = new LinkedHashMap<>();
    for (Tenant tenant : catalog.tenants()) {
      if (tenant.sandbox().isEmpty()) {
        continue;
      }
      SandboxHint hint = tenant.sandbox().get();
      String url = tenant.baseUrl().toString();
      SandboxConfig config = byUrl.computeIfAbsent(url, u -> SandboxConfig.defaults(hint.version())
          .withPort(tenant.baseUrl().getPort()));
      if (config.odooVersion() != hint.version()) {
        throw new IllegalArgumentException("tenants on " + url + " ask for sandbox versions "
            + config.odooVersion() + " and " + hint.version() + " (" + tenant.id() + ")");
      }
      SandboxConfig.Database database = SandboxConfig.Database.of(tenant.database());
      for (String module : hint.modules()) {
        database = database.withModule(module);
      }
      byUrl.put(url, config.withDatabase(database));
    }
    return byUrl;
  }

  /**
   * Has the monitor sample each server's per-database worker time ({@link SandboxActivitySampler})
   * under every placement label its tenants all share, so that a contention finding there names
   * the database under load, as a sampled PostgreSQL server would. Call before the monitor starts.
   */
  public static void watch(Monitor monitor, Catalog catalog, List<SandboxOdoo> sandboxes) {
    for (SandboxOdoo sandbox : sandboxes) {
      List<String> databases = sandbox.config().databases().stream().map(SandboxConfig.Database::name).toList();
      List<Tenant> tenants = catalog.tenants().stream()
          .filter(t -> t.sandbox().isPresent() && t.baseUrl().getPort() == sandbox.port()
              && databases.contains(t.database()))
          .toList();
      sharedLabels(tenants).forEach((key, value) -> monitor.watch(key, value,
          new SandboxActivitySampler(sandbox.control(), databases, InstantSource.system())));
    }
  }

  /** The placement labels every one of these tenants has, with the same value. */
  static Map<String, String> sharedLabels(List<Tenant> tenants) {
    if (tenants.isEmpty()) {
      return Map.of();
    }
    Map<String, String> shared = new TreeMap<>(tenants.get(0).placement());
    tenants.forEach(t -> shared.entrySet().removeIf(label -> !label.getValue().equals(t.placement().get(label.getKey()))));
    return shared;
  }

  /** Starts every planned server; completes with them once all listen. */
  public static Future<List<SandboxOdoo>> start(Vertx vertx, Catalog catalog) {
    Map<String, SandboxConfig> plan;
    try {
      plan = plan(catalog);
    } catch (IllegalArgumentException conflict) {
      return Future.failedFuture(conflict);
    }
    List<Future<SandboxOdoo>> started = new ArrayList<>();
    plan.values().forEach(config -> started.add(SandboxOdoo.start(vertx, config)));
    return Future.all(started).map(all -> all.list());
  }
}
