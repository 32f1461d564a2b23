package dev.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's own logic against a writer of this test that can be told to fail or to lag; the
 * same outbox against a real PostgreSQL that is stopped and restarted is tested in
 * {@code store.postgres}.
 */
class ResultOutboxTest {
  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Writer writer = new Writer();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Results are written in batches, in the order they finished")
  void writesInOrder() throws Exception {
    ResultOutbox outbox = open(settings());

    offer(outbox, 0, 1_200);

    await(() -> writer.distinct().size() == 1_200);
    assertEquals(ids(0, 1_200), List.copyOf(writer.distinct()));
    assertTrue(writer.batchSizes().stream().allMatch(n -> n <= 500), writer.batchSizes().toString());
    await(() -> outbox.buffered() == 0);
  }

  @Test
  @DisplayName("Results that arrive while the store is down are all written, in order, when it is back")
  void outage() throws Exception {
    ResultOutbox outbox = open(settings());
    offer(outbox, 0, 100);
    await(() -> writer.distinct().size() == 100);

    writer.failing = true;
    offer(outbox, 100, 2_000);
    await(() -> outbox.buffered() == 1_900 && registry.counter("vigil.store.write.failures").count() >= 1);
    writer.failing = false;

    await(() -> writer.distinct().size() == 2_000);
    assertEquals(ids(0, 2_000), List.copyOf(writer.distinct()));
    await(() -> outbox.buffered() == 0);
    assertEquals(0, spillFiles());
  }

  @Test
  @DisplayName("A restart during an outage loses nothing: the next process writes the spilled results first")
  void restartDuringOutage() throws Exception {
    writer.failing = true;
    ResultOutbox first = open(settings());
    offer(first, 0, 700);
    await(() -> registry.counter("vigil.store.write.failures").count() >= 1);
    first.stop().await(10, TimeUnit.SECONDS);
    assertTrue(spillFiles() > 0);

    writer.failing = false;
    ResultOutbox second = open(settings());
    offer(second, 700, 800);

    await(() -> writer.distinct().size() == 800);
    assertEquals(ids(0, 800), List.copyOf(writer.distinct()));
    await(() -> second.buffered() == 0);
  }

  @Test
  @DisplayName("Beyond max_buffered_results the oldest are dropped and counted, never the newest")
  void bound() throws Exception {
    writer.failing = true;
    ResultOutbox outbox = open(settings().withMaxBuffered(1_000).withSegmentSize(100));

    for (int i = 0; i < 30; i++) {
      offer(outbox, i * 100, i * 100 + 100);
      Thread.sleep(20);
    }
    await(() -> registry.counter("vigil.store.dropped.results").count() >= 2_000);
    writer.failing = false;

    await(() -> outbox.buffered() == 0);
    double dropped = registry.counter("vigil.store.dropped.results").count();
    List<String> written = List.copyOf(writer.distinct());
    assertEquals(3_000, dropped + written.size());
    assertEquals(ids(3_000 - written.size(), 3_000), written);
  }

  @Test
  @DisplayName("When writes fall behind, results spill to disk instead of piling up in memory")
  void slowStore() throws Exception {
    writer.lagMillis = 100;
    OutboxSettings tight = new OutboxSettings(dir, 100_000, 50, Duration.ofMillis(20), 1_000, 500,
        Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(100));
    ResultOutbox outbox = open(tight);

    for (int i = 0; i < 30; i++) {
      offer(outbox, i * 100, i * 100 + 100);
      Thread.sleep(10);
    }
    await(() -> spillFiles() > 0);
    writer.lagMillis = 0;

    await(() -> writer.distinct().size() == 3_000);
    assertEquals(ids(0, 3_000), List.copyOf(writer.distinct()));
    assertEquals(0, registry.counter("vigil.store.dropped.results").count());
  }

  private OutboxSettings settings() {
    return OutboxSettings.defaults(dir).withRetry(Duration.ofMillis(20), Duration.ofMillis(100));
  }

  private ResultOutbox open(OutboxSettings settings) {
    return ResultOutbox.open(vertx, writer, settings, new OutboxMetrics(registry));
  }

  private static void offer(ResultOutbox outbox, int from, int to) {
    IntStream.range(from, to).forEach(i -> outbox.onRunCompleted(SpillFileTest.run("r" + i)));
  }

  private long spillFiles() {
    try (var files = java.nio.file.Files.list(dir)) {
      return files.count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(10);
    }
  }

  /** Keeps what it was given, like an idempotent store; fails or lags when told to. */
  private final class Writer implements ResultWriter {
    volatile boolean failing;
    volatile long lagMillis;
    private final LinkedHashSet<String> written = new LinkedHashSet<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public Future<Void> write(ResultBatch batch) {
      if (failing) {
        return Future.failedFuture("connection refused");
      }
      Future<Void> done = lagMillis == 0 ? Future.succeededFuture()
          : Future.future(p -> vertx.setTimer(lagMillis, id -> p.complete()));
      return done.onSuccess(ok -> keep(batch));
    }

    private synchronized void keep(ResultBatch batch) {
      batchSizes.add(batch.size());
      batch.runs().forEach(r -> written.add(r.runId()));
    }

    synchronized List<String> distinct() {
      return List.copyOf(written);
    }

    synchronized List<Integer> batchSizes() {
      return List.copyOf(batchSizes);
    }
  }
}
