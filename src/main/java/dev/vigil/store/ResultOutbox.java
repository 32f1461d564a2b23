package dev.vigil.store;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.RunListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the scheduler and the history store: every finished run and status change is written,
 * in batches, and none is lost when the store is away. While writes fail (or fall behind), results
 * go to a {@link SpillFile} in the data directory, which survives a restart of Vigil; a retry with
 * back-off writes them back in order once the store answers, and only then do new results go
 * straight to the store again. At most {@link OutboxSettings#maxBuffered()} results wait: beyond
 * it the oldest are dropped, logged and counted — never an out-of-memory, and monitoring never
 * waits for the store.
 *
 * <p>What a {@code kill -9} can lose: the results of the last flush interval (200 ms by default),
 * still in memory. A graceful {@link #stop()} loses nothing.
 *
 * <p>Thread model: the listener methods may be called from any thread and return at once; all
 * state lives on one Vert.x context, and file I/O runs in that context's ordered blocking tasks.
 */
public final class ResultOutbox implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(ResultOutbox.class);

  private final Vertx vertx;
  private final Context context;
  private final ResultWriter writer;
  private final OutboxSettings settings;
  private final SpillFile spill;
  private final OutboxMetrics metrics;
  private final ArrayDeque<OutboxEntry> pending = new ArrayDeque<>();
  private long spilled;
  private int inFlight;
  private boolean spilling;
  private boolean writing;
  private int appending;
  private long appendingEntries;
  private List<OutboxEntry> unwritten = List.of();
  private boolean stopped;
  private long retryMillis;
  private long tickTimer = -1;
  private long drainTimer = -1;
  private long outageStarted;
  private long drained;
  private volatile long bufferedNow;

  private ResultOutbox(Vertx vertx, ResultWriter writer, OutboxSettings settings, SpillFile spill, OutboxMetrics metrics) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.writer = writer;
    this.settings = settings;
    this.spill = spill;
    this.metrics = metrics;
    this.spilled = spill.size();
    this.retryMillis = settings.retryMin().toMillis();
  }

  /**
   * Opens the outbox with what a previous process left in the spill directory (written first) and
   * starts flushing. Reads the spill directory: call from a thread that may block (start-up), not
   * an event loop.
   */
  public static ResultOutbox open(Vertx vertx, ResultWriter writer, OutboxSettings settings, OutboxMetrics metrics) {
    SpillFile spill = SpillFile.open(settings.spillDir(), settings.segmentSize());
    ResultOutbox outbox = new ResultOutbox(vertx, writer, settings, spill, metrics);
    metrics.bind(outbox::buffered);
    outbox.context.runOnContext(v -> outbox.start());
    return outbox;
  }

  private void start() {
    tickTimer = vertx.setPeriodic(settings.flushInterval().toMillis(), id -> tick());
    if (spilled > 0) {
      LOG.info("{} results wait in {} from before the last stop; writing them to the history store first",
          spilled, settings.spillDir());
      spilling = true;
      outageStarted = System.nanoTime();
      drain();
    }
    updateGauge();
  }

  @Override
  public void onRunCompleted(RunResult run) {
    offer(new OutboxEntry.Run(run));
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    offer(new OutboxEntry.Change(change));
  }

  private void offer(OutboxEntry entry) {
    context.runOnContext(v -> enqueue(entry));
  }

  /** Results not yet in the history store: in memory, being written, or on disk. */
  public long buffered() {
    return bufferedNow;
  }

  private void enqueue(OutboxEntry entry) {
    if (stopped) {
      dropped(1, "it finished after Vigil stopped writing results");
      return;
    }
    pending.addLast(entry);
    if (pending.size() + appendingEntries > 2L * settings.memoryLimit() && !pending.isEmpty()) {
      pending.removeFirst();
      dropped(1, "the spill directory " + settings.spillDir() + " cannot keep up");
    }
    if (!spilling && pending.size() >= settings.memoryLimit()) {
      LOG.warn("writes to the history store fall behind ({} results waiting in memory); spilling to {}",
          pending.size(), settings.spillDir());
      startOutage();
    }
    if (spilling) {
      if (pending.size() >= settings.batchSize()) {
        spill(take(pending.size()));
      }
    } else if (!writing && pending.size() >= settings.batchSize()) {
      flush();
    }
    updateGauge();
  }

  private void tick() {
    if (pending.isEmpty()) {
      return;
    }
    if (spilling) {
      spill(take(pending.size()));
    } else if (!writing) {
      flush();
    }
  }

  /**
   * Writes the oldest results in memory straight to the store. On failure they are spilled before
   * the rest, unless results started spilling while this batch was being written (the store fell
   * behind): then the batch is kept and written before the spilled ones, so order holds.
   */
  private void flush() {
    List<OutboxEntry> batch = take(settings.batchSize());
    writing = true;
    inFlight = batch.size();
    write(batch).onComplete(done -> {
      writing = false;
      inFlight = 0;
      if (done.succeeded()) {
        if (!stopped && !spilling && pending.size() >= settings.batchSize()) {
          flush();
        }
      } else if (spilling) {
        unwritten = batch;
      } else {
        LOG.warn("the history store is unavailable ({}); buffering results in {} until it is back",
            done.cause().getMessage(), settings.spillDir());
        startOutage();
        List<OutboxEntry> all = new ArrayList<>(batch);
        all.addAll(take(pending.size()));
        spill(all);
      }
      updateGauge();
    });
  }

  private void startOutage() {
    spilling = true;
    outageStarted = System.nanoTime();
    drained = 0;
    scheduleDrain(retryMillis);
  }

  /** Appends after everything spilled before (file tasks run in order). */
  private void spill(List<OutboxEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    appending++;
    appendingEntries += entries.size();
    blocking(() -> {
      spill.append(entries);
      long dropped = 0;
      while (spill.size() > settings.maxBuffered()) {
        dropped += spill.dropOldest();
      }
      return new Spilled(dropped, spill.size());
    }).onComplete(done -> {
      appending--;
      appendingEntries -= entries.size();
      if (done.succeeded()) {
        spilled = done.result().size();
        if (done.result().dropped() > 0) {
          dropped(done.result().dropped(), "more than " + settings.maxBuffered() + " results waited for the history store");
        }
      } else {
        LOG.error("cannot spill results to {} ({}); keeping them in memory", settings.spillDir(),
            done.cause().getMessage());
        for (int i = entries.size() - 1; i >= 0; i--) {
          pending.addFirst(entries.get(i));
        }
      }
      updateGauge();
    });
  }

  private void scheduleDrain(long delayMillis) {
    if (drainTimer < 0 && !stopped) {
      drainTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
        drainTimer = -1;
        drain();
      });
    }
  }

  /** Writes the oldest spilled results; again at once while that works, after a back-off when not. */
  private void drain() {
    if (stopped) {
      return;
    }
    if (writing) {
      scheduleDrain(settings.flushInterval().toMillis());
      return;
    }
    writing = true;
    if (!unwritten.isEmpty()) {
      inFlight = unwritten.size();
      write(unwritten).onComplete(done -> {
        writing = false;
        inFlight = 0;
        if (done.succeeded()) {
          unwritten = List.of();
          context.runOnContext(v -> drain());
        } else {
          retryLater(done.cause());
        }
        updateGauge();
      });
      return;
    }
    blocking(() -> spill.peek(settings.batchSize())).compose(head -> {
      inFlight = head.entries().size();
      Future<Void> written = head.entries().isEmpty() ? Future.succeededFuture() : write(head.entries());
      return written.compose(ok -> blocking(() -> {
        spill.consume(head.lines());
        return new Drained(head, spill.size());
      }));
    }).onComplete(done -> {
      writing = false;
      inFlight = 0;
      if (done.succeeded()) {
        afterDrain(done.result());
      } else {
        retryLater(done.cause());
      }
      updateGauge();
    });
  }

  private void retryLater(Throwable cause) {
    retryMillis = Math.min(retryMillis * 2, settings.retryMax().toMillis());
    LOG.debug("history store still unavailable ({}); next try in {} ms", cause.getMessage(), retryMillis);
    scheduleDrain(retryMillis);
  }

  private void afterDrain(Drained result) {
    spilled = result.size();
    drained += result.head().entries().size();
    retryMillis = settings.retryMin().toMillis();
    if (result.head().unreadable() > 0) {
      dropped(result.head().unreadable(), "unreadable lines in " + settings.spillDir());
    }
    if (spilled == 0 && appending == 0) {
      spilling = false;
      LOG.info("history store caught up: wrote {} buffered results in order, {} s after buffering began",
          drained, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStarted));
      tick();
    } else {
      context.runOnContext(v -> drain());
    }
  }

  private Future<Void> write(List<OutboxEntry> entries) {
    long started = System.nanoTime();
    Promise<Void> done = Promise.promise();
    writer.write(OutboxEntry.batch(entries))
        .timeout(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .onComplete(ar -> context.runOnContext(v -> {
          metrics.written(System.nanoTime() - started, ar.succeeded());
          done.handle(ar);
        }));
    return done.future();
  }

  private <T> Future<T> blocking(java.util.concurrent.Callable<T> task) {
    return context.executeBlocking(task, true);
  }

  private List<OutboxEntry> take(int max) {
    List<OutboxEntry> batch = new ArrayList<>(Math.min(max, pending.size()));
    while (batch.size() < max && !pending.isEmpty()) {
      batch.add(pending.removeFirst());
    }
    return batch;
  }

  private void dropped(long count, String why) {
    metrics.dropped(count);
    LOG.warn("dropped the {} oldest buffered results: {}", count, why);
  }

  private void updateGauge() {
    bufferedNow = pending.size() + appendingEntries + unwritten.size() + spilled
        + (unwritten.isEmpty() ? inFlight : 0);
  }

  /**
   * Stops flushing once the write or file operation in progress ends, then writes what is still in
   * memory — to the store if it answers, otherwise to the spill file for the next start.
   */
  public Future<Void> stop() {
    Promise<Void> stoppedPromise = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      vertx.cancelTimer(tickTimer);
      if (drainTimer >= 0) {
        vertx.cancelTimer(drainTimer);
      }
      whenIdle(() -> finish().onComplete(stoppedPromise));
    });
    return stoppedPromise.future();
  }

  private void whenIdle(Runnable action) {
    if (writing || appending > 0) {
      vertx.setTimer(10, id -> whenIdle(action));
    } else {
      action.run();
    }
  }

  private Future<Void> finish() {
    List<OutboxEntry> rest = new ArrayList<>(unwritten);
    rest.addAll(take(pending.size()));
    unwritten = List.of();
    Future<Void> saved = rest.isEmpty() ? Future.succeededFuture()
        : spilling ? appendToSpill(rest)
        : write(rest).recover(failed -> appendToSpill(rest));
    return saved.compose(ok -> blocking(() -> {
      spill.close();
      if (spill.size() > 0) {
        LOG.info("{} results wait in {} for the history store; they are written at the next start",
            spill.size(), settings.spillDir());
      }
      return null;
    }));
  }

  private Future<Void> appendToSpill(List<OutboxEntry> entries) {
    return blocking(() -> {
      spill.append(entries);
      return null;
    });
  }

  private record Spilled(long dropped, long size) {}

  private record Drained(SpillFile.Head head, long size) {}
}
