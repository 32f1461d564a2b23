package dev.vigil.bench.store;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.StepOutcome;
import dev.vigil.domain.StepResult;
import dev.vigil.store.LatencyHistogram;
import dev.vigil.store.OutboxEntry;
import dev.vigil.store.OutboxMetrics;
import dev.vigil.store.OutboxSettings;
import dev.vigil.store.ResultBatch;
import dev.vigil.store.ResultOutbox;
import dev.vigil.store.SpillFile;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.EmbeddedPostgres;
import dev.vigil.store.postgres.PostgresStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sustained ingestion into the embedded PostgreSQL (production settings: fsync on) through
 * {@code PgResultWriter}: runs of five steps and a teardown step, for {@code tenants} tenants ×
 * 3 journeys, written in batches of each size for {@code seconds} with {@code inflight} batches
 * in flight, each size into a fresh database. Prints runs/s and batch write latency per size. Then
 * the drain after an outage: {@code drain} results (100,000) spilled to disk, written back by the
 * outbox, timed.
 *
 * <pre>./mvnw -q -Pbench verify -Dbench.main=dev.vigil.bench.store.StoreBenchmark \
 *     -Dbench.options=seconds=30,batches=10:100:1000,inflight=4,tenants=1000,drain=100000</pre>
 *
 * Exit code 0 when it ran, 1 when it could not, 2 for invalid options.
 */
public final class StoreBenchmark {
  private static final List<String> STEPS = List.of("login", "find-partner", "create-invoice", "post-invoice",
      "check-posted");
  private static final List<String> JOURNEYS = List.of("invoice-posting", "stock-move", "login");

  private final Map<String, String> options;
  private final Random random = new Random(4);
  private long runIds;
  private Instant clock = Instant.now();

  private StoreBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Map<String, String> options;
    try {
      options = parse(System.getProperty("bench.options", ""));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    int exit = 1;
    try {
      new StoreBenchmark(options).run();
      exit = 0;
    } catch (Exception e) {
      System.err.println("[bench] failed:");
      e.printStackTrace();
    }
    System.exit(exit);
  }

  private void run() throws Exception {
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int inflight = Integer.parseInt(options.getOrDefault("inflight", "4"));
    int tenants = Integer.parseInt(options.getOrDefault("tenants", "1000"));
    List<Integer> sizes = Arrays.stream(options.getOrDefault("batches", "10:100:1000").split(":"))
        .map(Integer::parseInt).toList();
    Path dataDir = Path.of(System.getProperty("bench.dataDir", "target/bench-data")).resolve("store");
    deleteCluster(dataDir);
    Vertx vertx = Vertx.vertx();
    EmbeddedPostgres server = EmbeddedPostgres.start(dataDir);
    List<String> rows = new ArrayList<>();
    String drained;
    try {
      for (int size : sizes) {
        String database = "bench_" + size;
        createDatabase(vertx, server, database);
        DatabaseUrl url = DatabaseUrl.parse("postgresql://" + EmbeddedPostgres.USER + "@" + server.host() + ":"
            + server.port() + "/" + database);
        PostgresStore store = await(PostgresStore.start(vertx, PostgresStore.Settings.external(url)));
        try {
          rows.add(measure(store, size, inflight, tenants, Duration.ofSeconds(seconds)));
        } finally {
          await(store.close());
        }
      }
      drained = drain(vertx, server, dataDir.resolve("outbox"), Integer.parseInt(options.getOrDefault("drain", "100000")),
          tenants);
    } finally {
      await(vertx.close());
      server.stop();
    }
    System.out.printf("%nPgResultWriter into embedded PostgreSQL %s (fsync on), %d tenants × %d journeys, "
        + "5 steps + 1 teardown step per run, %d batches in flight, %d s per batch size%n", "18.6", tenants,
        JOURNEYS.size(), inflight, seconds);
    System.out.printf("%10s %10s %12s %14s %14s %10s%n", "BATCH", "RUNS/S", "STEP ROWS/S", "BATCH P50 MS",
        "BATCH P99 MS", "BATCHES");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(drained);
  }

  /**
   * The drain after an outage: {@code count} results spilled to disk by an outbox whose store was
   * away, then written by a fresh outbox (as after a restart) into a fresh database; timed until
   * nothing is buffered any more.
   */
  private String drain(Vertx vertx, EmbeddedPostgres server, Path spillDir, int count, int tenants) throws Exception {
    deleteTree(spillDir);
    try (SpillFile spill = SpillFile.open(spillDir, OutboxSettings.defaults(spillDir).segmentSize())) {
      for (int done = 0; done < count; done += 1_000) {
        spill.append(runs(Math.min(1_000, count - done), tenants).stream()
            .<OutboxEntry>map(OutboxEntry.Run::new).toList());
      }
    }
    createDatabase(vertx, server, "bench_drain");
    DatabaseUrl url = DatabaseUrl.parse("postgresql://" + EmbeddedPostgres.USER + "@" + server.host() + ":"
        + server.port() + "/bench_drain");
    PostgresStore store = await(PostgresStore.start(vertx, PostgresStore.Settings.external(url)));
    try {
      long start = System.nanoTime();
      ResultOutbox outbox = ResultOutbox.open(vertx, store.writer(), OutboxSettings.defaults(spillDir),
          new OutboxMetrics(new SimpleMeterRegistry()));
      long lastReport = start;
      while (outbox.buffered() > 0 || System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(300)) {
        Thread.sleep(50);
        if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
          lastReport = System.nanoTime();
          System.out.printf("[bench] draining: %d results still buffered%n", outbox.buffered());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      await(outbox.stop());
      long stored = await(store.pool().query("SELECT count(*) FROM runs").execute()).iterator().next().getLong(0);
      return String.format("Drain after an outage: %,d buffered runs (5 steps + 1 teardown step each) written in "
          + "%.1f s = %,.0f runs/s by the outbox (batches of %d, one in flight); %,d runs stored", count, seconds,
          count / seconds, OutboxSettings.defaults(spillDir).batchSize(), stored);
    } finally {
      await(store.close());
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private String measure(PostgresStore store, int size, int inflight, int tenants, Duration length) throws Exception {
    Semaphore slots = new Semaphore(inflight);
    LatencyHistogram latency = new LatencyHistogram();
    AtomicLong written = new AtomicLong();
    List<Throwable> failures = new ArrayList<>();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    long batches = 0;
    while (System.nanoTime() < deadline) {
      ResultBatch batch = new ResultBatch(runs(size, tenants), List.of());
      slots.acquire();
      long sent = System.nanoTime();
      batches++;
      store.writer().write(batch).onComplete(done -> {
        synchronized (latency) {
          latency.record(Duration.ofNanos(System.nanoTime() - sent));
          if (done.failed()) {
            failures.add(done.cause());
          }
        }
        written.addAndGet(done.succeeded() ? size : 0);
        slots.release();
      });
    }
    slots.acquire(inflight);
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " batches failed", failures.get(0));
    }
    double runsPerSecond = written.get() / elapsed;
    return String.format("%10d %10.0f %12.0f %14.1f %14.1f %10d", size, runsPerSecond, runsPerSecond * 6,
        latency.percentile(0.5), latency.percentile(0.99), batches);
  }

  private List<RunResult> runs(int count, int tenants) {
    List<RunResult> runs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      clock = clock.plusMillis(3);
      String tenant = "tenant-" + random.nextInt(tenants);
      String journey = JOURNEYS.get(random.nextInt(JOURNEYS.size()));
      boolean failed = random.nextInt(20) == 0;
      List<StepResult> steps = new ArrayList<>();
      long total = 0;
      for (String name : STEPS) {
        long nanos = (long) (Math.exp(random.nextGaussian() * 0.7 + 4) * 1e6);
        total += nanos;
        steps.add(new StepResult(name, "call", StepOutcome.PASSED, Duration.ofNanos(nanos), Optional.empty(), "", false,
            false, false, Map.of(), Optional.empty()));
      }
      List<StepResult> teardown = List.of(new StepResult("delete-invoice", "unlink", StepOutcome.PASSED,
          Duration.ofMillis(20), Optional.empty(), "", false, false, false, Map.of(), Optional.empty()));
      runs.add(new RunResult("bench-" + runIds++, tenant, journey, clock, clock, Duration.ofNanos(total),
          failed ? Outcome.FAILED : Outcome.PASSED, Optional.empty(), failed ? "check-posted: expected posted" : "passed",
          steps, teardown, OptionalInt.of(18), false, "bench", RunSource.SCHEDULE));
    }
    return runs;
  }

  private static void createDatabase(Vertx vertx, EmbeddedPostgres server, String name) throws Exception {
    Pool admin = PgBuilder.pool().connectingTo(server.connectOptions("postgres")).using(vertx).build();
    try {
      await(admin.query("DROP DATABASE IF EXISTS " + name).execute()
          .compose(v -> admin.query("CREATE DATABASE " + name).execute()));
    } finally {
      await(admin.close());
    }
  }

  private static void deleteCluster(Path dataDir) throws Exception {
    deleteTree(dataDir.resolve("postgres"));
  }

  private static Map<String, String> parse(String text) {
    Map<String, String> options = new HashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("bench.options: '" + pair + "' is not key=value");
      }
      options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    List<String> unknown = options.keySet().stream()
        .filter(k -> !List.of("seconds", "inflight", "tenants", "batches", "drain").contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("bench.options: unknown " + unknown + " (seconds, inflight, tenants, batches, drain)");
    }
    return options;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }
}
