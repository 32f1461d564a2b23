package dev.vigil.schedule;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Status;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every tenant's journeys around the clock. One timer per tenant × journey fires at its
 * {@link Cadence}'s due time (plus a little jitter); a due run is skipped and counted when the
 * previous one is still going, the tenant is at its cap, its circuit is open, or the wait queue
 * is full; otherwise it runs on the {@link RunnerPool} under the {@link Slots} caps (browser runs
 * under a cap of their own). A first
 * failure is retried at once to confirm it (PENDING). Finished runs, status changes and skips go
 * to the {@link RunListener}s, in that order, on this verticle's event loop.
 *
 * <p>Only the checks of tenants checked from this replica's location are scheduled, and of those
 * only the ones its {@link Ownership} holds: a check gained starts at its next due time on the
 * grid (the same on every replica), a check lost stops (a run in flight finishes), and a run
 * starts only under a lease proven at that moment ({@link SkipReason#LEASE_UNPROVEN} otherwise).
 * Stopping gives every check up at once, before runs in flight are drained.
 *
 * <p>All mutable state is confined to this verticle's event loop; {@link MonitorState} reads
 * snapshots and is safe from any thread. {@link #swap} replaces the catalog atomically: new checks
 * start, removed ones stop (a run in flight finishes), changed intervals re-phase.
 */
public final class SchedulerVerticle extends VerticleBase implements MonitorState {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);

  private final RunnerPool runners;
  private final ScheduleSettings settings;
  private final List<RunListener> listeners;
  private final Ownership ownership;
  private final InstantSource clock;
  private final RunIds runIds;
  private final Slots slots;
  private final CircuitBreakers circuits;
  private final StatusTracker statuses = new StatusTracker();
  private final Map<CheckKey, ScheduledCheck> checks = new LinkedHashMap<>();
  private Catalog catalog;
  private boolean stopping;
  private Promise<Void> drained;

  private volatile int inFlightSnapshot;
  private volatile int queuedSnapshot;
  private volatile Set<String> openCircuitsSnapshot = Set.of();
  private volatile Map<CheckKey, Status> statusSnapshot = Map.of();

  public SchedulerVerticle(
      Catalog catalog, RunnerPool runners, ScheduleSettings settings, List<RunListener> listeners,
      Ownership ownership, InstantSource clock) {
    this.catalog = catalog;
    this.runners = runners;
    this.settings = settings;
    this.listeners = List.copyOf(listeners);
    this.ownership = ownership;
    this.clock = clock;
    this.runIds = new RunIds(clock);
    this.slots = new Slots(settings.maxRunsInFlight(), settings.maxRunsPerTenant(), settings.maxQueuedRuns(),
        settings.maxBrowserRuns());
    this.circuits = new CircuitBreakers(settings.circuitFailures(), settings.circuitProbeInterval());
  }

  @Override
  public Future<?> start() {
    apply(catalog);
    ownership.start(this::ownershipChanged);
    LOG.info("{} checks of {} tenants are checked from location {}; this replica runs those it holds", checks.size(),
        catalog.tenants().size(), ownership.location());
    return Future.succeededFuture();
  }

  /** Replaces the catalog; safe from any thread, applied on the scheduler's loop. */
  public Future<Void> swap(Catalog next) {
    Promise<Void> swapped = Promise.promise();
    context.runOnContext(ignored -> {
      apply(next);
      LOG.info("catalog reloaded: {} checks for {} tenants", checks.size(), next.tenants().size());
      swapped.complete();
    });
    return swapped.future();
  }

  /**
   * Stops scheduling, gives running journeys {@code shutdownGrace} for their main steps, and
   * completes when every run in flight has finished its teardown.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    checks.values().forEach(this::disarm);
    Future<Void> givenUp = ownership.stop();
    runners.drain(settings.shutdownGrace());
    drained = Promise.promise();
    if (slots.inFlight() == 0) {
      drained.complete();
    } else {
      LOG.info("waiting for {} run(s) in flight to finish and clean up", slots.inFlight());
    }
    return Future.all(givenUp, drained.future());
  }

  private void apply(Catalog next) {
    Map<CheckKey, TenantJourney> wanted = new LinkedHashMap<>();
    Map<CheckKey, Tenant> tenants = new HashMap<>();
    for (Tenant tenant : next.tenants()) {
      if (!tenant.locations().contains(ownership.location())) {
        continue;
      }
      for (TenantJourney tj : tenant.journeys()) {
        if (next.journey(tj.journeyId()).isPresent()) {
          CheckKey key = new CheckKey(tenant.id(), tj.journeyId());
          wanted.put(key, tj);
          tenants.put(key, tenant);
        }
      }
    }
    checks.values().removeIf(check -> {
      boolean gone = !wanted.containsKey(check.key);
      if (gone) {
        check.removed = true;
        disarm(check);
      }
      return gone;
    });
    Instant now = clock.instant();
    wanted.forEach((key, tj) -> {
      Journey journey = next.journey(tj.journeyId()).orElseThrow();
      ScheduledCheck check = checks.get(key);
      if (check == null) {
        check = new ScheduledCheck(key, tenants.get(key), journey, Cadence.of(key, tj.interval()));
        checks.put(key, check);
        if (ownership.holds(key)) {
          armAtNextDue(check, now);
        }
      } else {
        check.tenant = tenants.get(key);
        check.journey = journey;
        if (!check.cadence.interval().equals(tj.interval())) {
          disarm(check);
          check.cadence = Cadence.of(key, tj.interval());
          if (ownership.holds(key)) {
            armAtNextDue(check, now);
          }
        }
      }
    });
    catalog = next;
    circuits.retain(next.tenants().stream().map(Tenant::id).collect(java.util.stream.Collectors.toSet()));
    retainHeldStatuses();
    refreshSnapshots();
  }

  /** Checks gained start at their next due time on the grid; checks lost stop. */
  private void ownershipChanged() {
    if (stopping) {
      return;
    }
    Instant now = clock.instant();
    for (ScheduledCheck check : checks.values()) {
      boolean held = ownership.holds(check.key);
      if (held && check.timerId < 0) {
        armAtNextDue(check, now);
      } else if (!held) {
        disarm(check);
      }
    }
    retainHeldStatuses();
    statusSnapshot = statuses.snapshot();
  }

  /** Forgets the statuses of checks this replica no longer holds: their new holder reports them. */
  private void retainHeldStatuses() {
    statuses.retain(checks.keySet().stream().filter(ownership::holds).collect(java.util.stream.Collectors.toSet()));
  }

  private void armAtNextDue(ScheduledCheck check, Instant now) {
    check.nextDue = check.cadence.firstDueAtOrAfter(now);
    arm(check);
  }

  private void arm(ScheduledCheck check) {
    long jitterCap = Math.min(settings.maxJitter().toMillis(), check.cadence.interval().toMillis() / 100);
    long jitter = jitterCap > 0 ? ThreadLocalRandom.current().nextLong(jitterCap) : 0;
    Instant startAt = check.nextDue.plusMillis(jitter);
    long delay = Math.max(1, Duration.between(clock.instant(), startAt).toMillis());
    check.timerId = vertx.setTimer(delay, id -> fire(check, startAt));
  }

  private void disarm(ScheduledCheck check) {
    if (check.timerId >= 0) {
      vertx.cancelTimer(check.timerId);
      check.timerId = -1;
    }
  }

  private void fire(ScheduledCheck check, Instant scheduledAt) {
    check.timerId = -1;
    if (stopping || check.removed) {
      return;
    }
    Instant now = clock.instant();
    Instant due = check.nextDue;
    check.nextDue = check.cadence.nextDue(due, now);
    long missed = check.cadence.missedSlots(due, check.nextDue);
    if (missed > 0) {
      LOG.warn("{}: {} due run(s) dropped, Vigil fell behind by more than an interval", check.key, missed);
    }
    arm(check);
    if (check.running) {
      skipped(check, SkipReason.PREVIOUS_RUN_ACTIVE);
    } else if (!circuits.allows(check.key.tenantId(), now)) {
      skipped(check, SkipReason.CIRCUIT_OPEN);
    } else {
      admit(check, scheduledAt);
    }
  }

  private void admit(ScheduledCheck check, Instant scheduledAt) {
    check.running = true;
    check.browser = BrowserJourneys.uses(check.journey);
    Optional<SkipReason> refused = slots.acquire(check.key.tenantId(), check.browser, () -> start(check, scheduledAt));
    if (refused.isPresent()) {
      check.running = false;
      skipped(check, refused.get());
    }
    refreshCounts();
  }

  private void start(ScheduledCheck check, Instant scheduledAt) {
    Optional<RunLease> lease = ownership.lease(check.key);
    if (stopping || lease.isEmpty()) {
      check.running = false;
      slots.release(check.key.tenantId(), check.browser);
      refreshCounts();
      if (!stopping) {
        skipped(check, SkipReason.LEASE_UNPROVEN);
      }
      return;
    }
    RunRequest request =
        new RunRequest(check.tenant, check.journey, runIds.next(), RunSource.SCHEDULE, scheduledAt, lease);
    runners.submit(request).onComplete(done -> context.runOnContext(ignored -> finished(check, request, done)));
  }

  private void finished(ScheduledCheck check, RunRequest request, AsyncResult<RunResult> done) {
    check.running = false;
    slots.release(check.key.tenantId(), check.browser);
    refreshCounts();
    if (done.failed()) {
      LOG.error("{} run {}: the runner failed instead of reporting", check.key, request.runId(), done.cause());
    } else {
      report(check, done.result());
    }
    if (stopping && slots.inFlight() == 0 && drained != null) {
      drained.tryComplete();
    }
  }

  private void report(ScheduledCheck check, RunResult run) {
    notifyListeners(listener -> listener.onRunCompleted(run), run);
    if (check.removed || !ownership.holds(check.key)) {
      return; // a run that outlived its check here (removed on reload, or moved) no longer moves status or circuits
    }
    Instant now = clock.instant();
    if (circuits.record(run, now)) {
      boolean open = circuits.isOpen(run.tenantId());
      LOG.warn("{}: circuit {}", run.tenantId(), open
          ? "opened after repeated transport faults; probing every " + settings.circuitProbeInterval().toSeconds() + " s"
          : "closed, the tenant answers again");
      openCircuitsSnapshot = circuits.open();
    }
    StatusTracker.Verdict verdict = statuses.record(run, check.tenant.inMaintenance(now), now);
    verdict.change().ifPresent(change -> {
      statusSnapshot = statuses.snapshot();
      notifyListeners(listener -> listener.onStatusChanged(change), run);
    });
    if (verdict.retryNow() && !stopping && !circuits.isOpen(run.tenantId())) {
      admit(check, now);
    }
  }

  private void skipped(ScheduledCheck check, SkipReason reason) {
    for (RunListener listener : listeners) {
      try {
        listener.onRunSkipped(check.key, reason);
      } catch (RuntimeException e) {
        LOG.error("{}: listener {} failed on a skipped run", check.key, listener.getClass().getSimpleName(), e);
      }
    }
  }

  private void notifyListeners(Consumer<RunListener> call, RunResult run) {
    for (RunListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.error("{}/{} run {}: listener {} failed", run.tenantId(), run.journeyId(), run.runId(),
            listener.getClass().getSimpleName(), e);
      }
    }
  }

  private void refreshCounts() {
    inFlightSnapshot = slots.inFlight();
    queuedSnapshot = slots.queued();
  }

  private void refreshSnapshots() {
    refreshCounts();
    openCircuitsSnapshot = circuits.open();
    statusSnapshot = statuses.snapshot();
  }

  @Override
  public int runsInFlight() {
    return inFlightSnapshot;
  }

  @Override
  public int runsQueued() {
    return queuedSnapshot;
  }

  @Override
  public Set<String> openCircuits() {
    return openCircuitsSnapshot;
  }

  @Override
  public Map<CheckKey, Status> statuses() {
    return statusSnapshot;
  }
}
