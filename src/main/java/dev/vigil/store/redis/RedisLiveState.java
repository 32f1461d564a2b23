package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.schedule.CheckKey;
import dev.vigil.schedule.RunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state in Redis: per tenant × journey its latest status and its last N runs, each write
 * announced on the event channel (see {@link LiveWrite} for the keys and the event form).
 *
 * <p>A {@link RunListener}, called on the scheduler's event loop: it never blocks and never
 * throws. A run or status change marks its check dirty; one write at a time (a pipeline of up to
 * 100 checks, each written by one atomic script, with the command timeout) sends every dirty
 * check, so writes coalesce under load and keep their order.
 *
 * <p>When Redis is away, monitoring goes on: the write fails, its checks stay dirty (keeping only
 * their latest status and last N runs, so memory is bounded by checks × N), and it is retried
 * with backoff from 100 ms up to 5 s; the outage is logged once when it begins and once when it
 * ends. When Redis is back, every dirty check is written and the live state is what it would have
 * been. Events are published with those writes, so subscribers hear the runs and status still
 * held (at most N runs and the latest status per check); runs and intermediate statuses that were
 * superseded during the outage are not published.
 */
public final class RedisLiveState implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLiveState.class);
  /** Up to ~4 MB at 20 runs of 2 KB per check: a catch-up pipeline well within the command timeout. */
  private static final int MAX_CHECKS_PER_WRITE = 100;

  private final Vertx vertx;
  private final Redis redis;
  private final RedisSettings settings;
  private final DirtyChecks dirty;
  private final LiveSnapshotReader reader;
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter writeFailures;
  private volatile long outageSince;
  private volatile boolean closed;
  private volatile long retryTimer = -1;

  public RedisLiveState(Vertx vertx, Redis redis, RedisSettings settings, MeterRegistry registry) {
    this.vertx = vertx;
    this.redis = redis;
    this.settings = settings;
    this.dirty = new DirtyChecks(settings.recentRuns());
    this.reader = new LiveSnapshotReader(redis, settings.recentRuns(), settings.commandTimeout());
    writeFailures = Counter.builder("vigil.live.state.write.failures")
        .description("Writes of live state to Redis that failed (each is retried)")
        .register(registry);
    Gauge.builder("vigil.live.state.dirty.checks", this, RedisLiveState::dirtyChecks)
        .description("Tenant x journeys whose live state Redis does not have yet")
        .register(registry);
  }

  @Override
  public void onRunCompleted(RunResult run) {
    try {
      dirty.add(run);
      writeSoon();
    } catch (RuntimeException e) {
      LOG.error("live state of {}/{} not updated for run {}", run.tenantId(), run.journeyId(), run.runId(), e);
    }
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    try {
      dirty.add(change);
      writeSoon();
    } catch (RuntimeException e) {
      LOG.error("live status of {}/{} not updated for run {}", change.tenantId(), change.journeyId(), change.runId(), e);
    }
  }

  /** The live state of these tenants' checks; fails if Redis does not answer in time. */
  public Future<LiveSnapshot> snapshot(Collection<String> tenantIds) {
    return reader.of(tenantIds);
  }

  /** The live state of every tenant's checks; fails if Redis does not answer in time. */
  public Future<LiveSnapshot> snapshotAll() {
    return reader.all();
  }

  /** How many checks have state Redis does not have yet, being written or waiting: 0 when caught up. */
  public int dirtyChecks() {
    return dirty.size() + inFlight.get();
  }

  /** Stops writing; state not yet written is dropped (it is live state only: the history is elsewhere). */
  public void close() {
    closed = true;
    vertx.cancelTimer(retryTimer);
  }

  private void writeSoon() {
    if (!closed && writing.compareAndSet(false, true)) {
      write();
    }
  }

  private void write() {
    Map<CheckKey, PendingCheck> batch = dirty.take(MAX_CHECKS_PER_WRITE);
    if (batch.isEmpty() || closed) {
      writing.set(false);
      if (dirty.size() > 0) {
        writeSoon(); // a check became dirty between take() and set(false)
      }
      return;
    }
    inFlight.set(batch.size());
    List<Request> requests = new ArrayList<>();
    batch.entrySet().removeIf(check -> !encode(check.getKey(), check.getValue(), requests));
    if (requests.isEmpty()) {
      written(batch, Future.succeededFuture(List.of()));
      return;
    }
    redis.batch(requests)
        .timeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .onComplete(result -> written(batch, result));
  }

  /** Adds the check's write to {@code requests}; false for a result that cannot be encoded (dropped, not retried). */
  private boolean encode(CheckKey check, PendingCheck pending, List<Request> requests) {
    try {
      requests.add(LiveWrite.request(check, pending, settings.recentRuns(), settings.channel(), settings.replicaId()));
      return true;
    } catch (RuntimeException e) {
      LOG.error("live state of {} dropped: its results cannot be encoded", check, e);
      return false;
    }
  }

  private void written(Map<CheckKey, PendingCheck> batch, AsyncResult<List<Response>> result) {
    if (result.failed()) {
      dirty.putBack(batch);
    }
    inFlight.set(0);
    if (result.succeeded()) {
      backoff.reset();
      if (outageSince != 0) {
        LOG.info("Redis live state is back after {} s; catching up on {} more dirty checks",
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageSince), dirty.size());
        outageSince = 0;
      }
      write();
      return;
    }
    writeFailures.increment();
    if (outageSince == 0) {
      outageSince = System.nanoTime();
      LOG.warn("Redis live state cannot be written ({}); keeping the latest state of each check in memory and retrying",
          result.cause().toString());
    }
    if (!closed) {
      retryTimer = vertx.setTimer(backoff.next().toMillis(), id -> write());
    } else {
      writing.set(false);
    }
  }
}
