package dev.vigil.schedule;

import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.MaintenanceWindow;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds tenants, sandboxes and a scheduler wired like production, for scheduler tests. */
final class MonitorFixture {
  static final Path JOURNEYS = Path.of(System.getProperty("vigil.project.dir", ".")).resolve("journeys");
  static final Path TEST_JOURNEYS = Path.of(System.getProperty("vigil.project.dir", "."))
      .resolve("src/test/resources/schedule/journeys");
  static final Secret PASSWORD = new Secret("admin");

  final Vertx vertx;
  final Engine engine;
  final RunnerPool pool;
  final Recorder recorder = new Recorder();
  final TestOwnership ownership = new TestOwnership();
  final List<dev.vigil.domain.Journey> journeys;

  MonitorFixture(Vertx vertx) throws Exception {
    this(vertx, JOURNEYS);
  }

  MonitorFixture(Vertx vertx, Path journeysDir) throws Exception {
    this.vertx = vertx;
    this.engine = new Engine(vertx, ref -> PASSWORD, "test");
    this.pool = new RunnerPool(engine.runner());
    this.journeys = List.copyOf(CatalogLoader.loadJourneys(journeysDir).journeys());
  }

  static Future<SandboxOdoo> sandbox(Vertx vertx, int version, String db, double latencyScale) {
    return SandboxOdoo.start(vertx, SandboxConfig.defaults(version, db).withLatencyScale(latencyScale));
  }

  static Tenant tenant(String id, String baseUrl, String db, Duration interval, String... journeyIds) {
    return tenant(id, baseUrl, db, interval, List.of(), journeyIds);
  }

  static Tenant tenant(String id, String baseUrl, String db, Duration interval, List<MaintenanceWindow> maintenance,
      String... journeyIds) {
    List<TenantJourney> entries = new ArrayList<>();
    for (String journey : journeyIds) {
      entries.add(new TenantJourney(journey, interval, Map.of(), Optional.empty()));
    }
    return new Tenant(id, id, URI.create(baseUrl), db, OdooApi.SESSION,
        new Credentials("admin", new SecretRef.Env("UNUSED")), Tier.SHARED, Map.of(), entries, Set.of(), "UTC",
        maintenance, Optional.empty(), AlertContacts.NONE, SourcePos.none("test"));
  }

  Catalog catalog(Tenant... tenants) {
    return new Catalog(List.of(tenants), journeys);
  }

  static ScheduleSettings settings(int global, int perTenant) {
    return new ScheduleSettings(global, perTenant, 100, 3, Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(5), global);
  }

  /** A deployed scheduler and its deployment id. */
  record Deployed(SchedulerVerticle scheduler, String id) {}

  /** Deploys two runner verticles and a scheduler; completes once it schedules. */
  Future<Deployed> start(Catalog catalog, ScheduleSettings settings) {
    SchedulerVerticle scheduler = new SchedulerVerticle(catalog, pool, settings, List.of(recorder), ownership,
        InstantSource.system());
    return vertx.deployVerticle(new RunnerVerticle(pool))
        .compose(id -> vertx.deployVerticle(new RunnerVerticle(pool)))
        .compose(id -> vertx.deployVerticle(scheduler))
        .map(id -> new Deployed(scheduler, id));
  }

  /** Completes when the condition holds (checked every 20 ms), fails after {@code limit}. */
  Future<Void> until(java.util.function.BooleanSupplier condition, Duration limit, String what) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long giveUpAt = System.nanoTime() + limit.toNanos();
    vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      } else if (System.nanoTime() > giveUpAt) {
        vertx.cancelTimer(id);
        done.tryFail("gave up waiting for " + what + "; runs " + recorder.runs.size() + ", skips " + recorder.skips.size()
            + ", changes " + recorder.changes);
      }
    });
    return done.future();
  }

  /** Waits {@code duration} without blocking. */
  Future<Void> pause(Duration duration) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    vertx.setTimer(duration.toMillis(), id -> done.complete());
    return done.future();
  }
}
