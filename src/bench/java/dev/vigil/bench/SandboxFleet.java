package dev.vigil.bench;

import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox Odoo servers the benchmark's tenants live on, in this JVM: {@code dbsPerServer}
 * databases per server sharing its workers, as tenants share an Odoo pool. Every server reports
 * its answered calls to one {@link CallLog}. Closing stops them all.
 */
final class SandboxFleet implements AutoCloseable {
  /** Where one tenant lives. */
  record Placement(String tenantId, String baseUrl, String database, int server) {}

  private static final int ODOO_VERSION = 18;

  private final List<SandboxOdoo> servers;
  private final List<Placement> placements;
  private final CallLog calls;
  private final int workers;
  private final double latencyScale;

  private SandboxFleet(List<SandboxOdoo> servers, List<Placement> placements, CallLog calls, int workers,
      double latencyScale) {
    this.servers = servers;
    this.placements = placements;
    this.calls = calls;
    this.workers = workers;
    this.latencyScale = latencyScale;
  }

  /**
   * Starts enough servers for {@code tenants} databases (tenant {@code bench-00001} is database
   * {@code bench_00001}), each with {@code workers} workers and the recorded service times times
   * {@code latencyScale}. Blocks until all listen.
   */
  static SandboxFleet start(Vertx vertx, int tenants, int dbsPerServer, int workers, double latencyScale)
      throws Exception {
    List<Future<SandboxOdoo>> starting = new ArrayList<>();
    for (int first = 0; first < tenants; first += dbsPerServer) {
      SandboxConfig config = SandboxConfig.defaults(ODOO_VERSION)
          .withWorkers(workers).withLatencyScale(latencyScale);
      for (int i = first; i < Math.min(tenants, first + dbsPerServer); i++) {
        config = config.withDatabase(SandboxConfig.Database.of(database(i)));
      }
      starting.add(SandboxOdoo.start(vertx, config));
    }
    Future.all(starting).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    List<SandboxOdoo> servers = starting.stream().map(Future::result).toList();
    CallLog calls = new CallLog();
    List<Future<Void>> observing = servers.stream().map(server -> server.control().observeCalls(calls)).toList();
    Future.all(observing).toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    List<Placement> placements = new ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      SandboxOdoo server = servers.get(i / dbsPerServer);
      placements.add(new Placement(tenantId(i), server.baseUrl(), database(i), i / dbsPerServer));
    }
    return new SandboxFleet(servers, placements, calls, workers, latencyScale);
  }

  private static String tenantId(int i) {
    return String.format("bench-%05d", i + 1);
  }

  private static String database(int i) {
    return String.format("bench_%05d", i + 1);
  }

  List<Placement> placements() {
    return placements;
  }

  CallLog calls() {
    return calls;
  }

  int serverCount() {
    return servers.size();
  }

  int workers() {
    return workers;
  }

  double latencyScale() {
    return latencyScale;
  }

  int odooVersion() {
    return ODOO_VERSION;
  }

  /** Requests so far that had to wait for a free worker: above 0, the sandbox was a bottleneck. */
  long waitedCalls() {
    return placements.stream()
        .mapToLong(p -> servers.get(p.server()).control().waitedCalls(p.database()))
        .sum();
  }

  /** Password checks so far (session logins). */
  long authentications() {
    return placements.stream()
        .mapToLong(p -> servers.get(p.server()).control().authentications(p.database()))
        .sum();
  }

  @Override
  public void close() throws Exception {
    Future.join(servers.stream().map(SandboxOdoo::stop).toList())
        .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
  }
}
