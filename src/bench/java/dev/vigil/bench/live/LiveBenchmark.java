package dev.vigil.bench.live;

import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The live stream under load: {@code tenants} tenants on sandbox Odoo servers (in this JVM), each
 * running {@code login} and {@code health} every {@code interval}, monitored by {@code vigil run}
 * in a JVM of its own; then {@code clients} WebSocket clients, spread evenly over the tenants, each
 * with its tenant's tenant-admin token. Measures Vigil's CPU over {@code seconds} without clients,
 * then over {@code seconds} with them, and the delivery latency of every run event to every client
 * (from the run's end to the client's receipt). Prints one line per measure.
 *
 * <pre>./mvnw -q -Pbench verify -Dbench.main=dev.vigil.bench.live.LiveBenchmark \
 *     -Dbench.options=clients=1000,tenants=100,seconds=60,interval=10</pre>
 *
 * Exit code 0 when it ran, 1 when it could not, 2 for invalid options.
 */
public final class LiveBenchmark {
  private static final String PASSWORD_ENV = "VIGIL_BENCH_PASSWORD";
  private static final int DBS_PER_SERVER = 100;

  private final Map<String, String> options;

  private LiveBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String pair : System.getProperty("bench.options", "").split(",")) {
      if (!pair.isBlank()) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          System.err.println("bench.options: expected key=value, found " + pair);
          System.exit(2);
        }
        options.put(kv[0].strip(), kv[1].strip());
      }
    }
    try {
      new LiveBenchmark(options).run();
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    int clients = option("clients", 1000);
    int tenants = option("tenants", 100);
    int seconds = option("seconds", 60);
    int interval = option("interval", 10);
    Path jar = Path.of(System.getProperty("bench.jar"));
    Path root = Path.of(System.getProperty("bench.dataDir")).resolve("live");
    deleteTree(root);
    Path tenantsDir = Files.createDirectories(root.resolve("tenants"));
    Path journeysDir = Files.createDirectories(root.resolve("journeys"));
    Path journeysSource = Path.of(System.getProperty("bench.journeysDir"));
    for (String journey : List.of("login", "health")) {
      Files.copy(journeysSource.resolve(journey + ".yaml"), journeysDir.resolve(journey + ".yaml"));
    }
    Vertx vertx = Vertx.vertx();
    List<SandboxOdoo> servers = startSandboxes(vertx, tenants, tenantsDir, interval);
    System.out.printf("live benchmark: %d tenants x 2 journeys every %d s (%.1f runs/s), %d clients, %d s windows%n",
        tenants, interval, 2.0 * tenants / interval, clients, seconds);
    try (VigilChild vigil = VigilChild.start(jar, tenantsDir, journeysDir, root.resolve("data"),
        Map.of(PASSWORD_ENV, "admin"))) {
      vigil.awaitReady(Duration.ofMinutes(3));
      Thread.sleep(TimeUnit.SECONDS.toMillis(interval * 2L)); // warm-up: every session created
      double cpuBefore = vigil.cpuSeconds();
      long wallBefore = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      double idleCpu = cpuPercent(vigil.cpuSeconds() - cpuBefore, wallBefore);

      List<String[]> tokens = tokens(vertx, root.resolve("data"), tenants, clients);
      LiveClients live = new LiveClients(vertx);
      long opening = System.nanoTime();
      live.open(vigil.port(), tokens, 100);
      double openSeconds = (System.nanoTime() - opening) / 1e9;
      Thread.sleep(5_000);
      live.measure(true);
      cpuBefore = vigil.cpuSeconds();
      wallBefore = System.nanoTime();
      long eventsBefore = live.runEvents.get();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      double busyCpu = cpuPercent(vigil.cpuSeconds() - cpuBefore, wallBefore);
      live.measure(false);
      long delivered = live.runEvents.get() - eventsBefore;
      double[] latencies = live.latencies();
      System.out.printf("clients open: %d of %d (opened in %.1f s), snapshots %d, resyncs %d, closed %d%n",
          live.open(), clients, openSeconds, live.snapshots.get(), live.resyncs.get(), live.closed.get());
      System.out.printf("run events delivered in the window: %d (%.1f/s)%n", delivered, delivered / (double) seconds);
      System.out.printf("delivery latency (run end -> client receipt): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0));
      System.out.printf("vigil CPU (100%% = one core): %.1f %% without clients, %.1f %% with %d clients; RSS %d MiB%n",
          idleCpu, busyCpu, clients, vigil.rssMib());
      live.close();
    } finally {
      Future.join(servers.stream().map(SandboxOdoo::stop).toList()).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      vertx.close();
    }
  }

  private static double cpuPercent(double cpuSeconds, long since) {
    return 100 * cpuSeconds / ((System.nanoTime() - since) / 1e9);
  }

  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  }

  /** Sandbox servers of {@value #DBS_PER_SERVER} databases, and one tenant file per database. */
  private static List<SandboxOdoo> startSandboxes(Vertx vertx, int tenants, Path tenantsDir, int interval)
      throws Exception {
    List<SandboxOdoo> servers = new ArrayList<>();
    for (int first = 0; first < tenants; first += DBS_PER_SERVER) {
      SandboxConfig config = SandboxConfig.defaults(18).withWorkers(64);
      for (int i = first; i < Math.min(tenants, first + DBS_PER_SERVER); i++) {
        config = config.withDatabase(SandboxConfig.Database.of(database(i)));
      }
      SandboxOdoo server = SandboxOdoo.start(vertx, config).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      servers.add(server);
      for (int i = first; i < Math.min(tenants, first + DBS_PER_SERVER); i++) {
        Files.writeString(tenantsDir.resolve(tenant(i) + ".yaml"), String.join("\n",
            "name: Live benchmark " + tenant(i),
            "odoo:",
            "  url: " + server.baseUrl(),
            "  database: " + database(i),
            "  login: admin",
            "  password: {env: " + PASSWORD_ENV + "}",
            "tier: " + (i % 5 == 0 ? "dedicated" : "shared"),
            "placement: {odoo_pool: sandbox-" + first / DBS_PER_SERVER + "}",
            "journeys:",
            "  - {id: login, interval: " + interval + "s}",
            "  - {id: health, interval: " + interval + "s}",
            ""));
      }
    }
    return servers;
  }

  /**
   * One tenant-admin token per tenant, created in the running Vigil's embedded PostgreSQL (the port
   * on line 4 of its {@code postmaster.pid}); clients are spread round-robin over the tenants.
   */
  private static List<String[]> tokens(Vertx vertx, Path dataDir, int tenants, int clients) throws Exception {
    List<String> pid = Files.readAllLines(dataDir.resolve("postgres/data/postmaster.pid"));
    Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1")
        .setPort(Integer.parseInt(pid.get(3).strip())).setUser("postgres").setDatabase("vigil")).using(vertx).build();
    try {
      TokenStore store = new TokenStore(pool, InstantSource.system());
      String[] byTenant = new String[tenants];
      for (int i = 0; i < tenants; i++) {
        byTenant[i] = store.create(Role.TENANT_ADMIN, Optional.of(tenant(i)), "live benchmark", Optional.empty())
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).token();
      }
      List<String[]> pairs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        pairs.add(new String[] {byTenant[c % tenants], tenant(c % tenants)});
      }
      return pairs;
    } finally {
      pool.close();
    }
  }

  private static String tenant(int i) {
    return String.format("live-%04d", i);
  }

  private static String database(int i) {
    return String.format("live_%04d", i);
  }

  private static void deleteTree(Path root) throws Exception {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Override
  public String toString() {
    return "LiveBenchmark" + Arrays.toString(options.entrySet().toArray());
  }
}
