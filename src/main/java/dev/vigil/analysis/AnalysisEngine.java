package dev.vigil.analysis;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.alert.AlertBook;
import dev.vigil.analysis.alert.AlertRouting;
import dev.vigil.analysis.alert.AlertRules;
import dev.vigil.analysis.alert.Cause;
import dev.vigil.analysis.alert.Notification;
import dev.vigil.analysis.alert.Notifier;
import dev.vigil.analysis.latency.Degradation;
import dev.vigil.analysis.latency.DegradationDetector;
import dev.vigil.analysis.latency.SeriesKey;
import dev.vigil.analysis.latency.StreamingWindows;
import dev.vigil.analysis.latency.WindowStats;
import dev.vigil.analysis.neighbour.ActivityAttribution;
import dev.vigil.analysis.neighbour.ActivitySampler;
import dev.vigil.analysis.neighbour.DatabaseLoad;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.analysis.neighbour.FindingTracker;
import dev.vigil.analysis.neighbour.NeighbourClassifier;
import dev.vigil.analysis.neighbour.PlacementGroup;
import dev.vigil.analysis.neighbour.ProbeAttribution;
import dev.vigil.analysis.neighbour.TenantHealth;
import dev.vigil.analysis.slo.BurnRateRule;
import dev.vigil.analysis.slo.SloLedger;
import dev.vigil.analysis.slo.SloStatus;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.schedule.RunListener;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's analysis, fed by finished runs and status changes: latency windows, baselines and
 * degradations per tenant × journey, SLO ledgers, noisy-neighbour findings and alerts, with
 * notifications sent along each alert's route and lifecycle events to {@link AnalysisListener}s.
 *
 * <p>Every evaluation ({@code evaluateEvery}) closes the windows that ended, classifies the
 * degraded tenants by placement, and reconciles alerts with the causes that hold; a status change
 * reconciles alerts at once (a DOWN journey pages without waiting for the next evaluation).
 * Database activity samplers ({@link #watch}) are read every {@code sampleEvery} and serve the
 * attribution of contentions on their placement; without one, suspects come from the probes.
 *
 * <p>Threading: not thread-safe. Construct it, then call {@link #start} on the context that calls
 * the {@link RunListener} methods (the scheduler's event loop): timers then fire on that same
 * context. Nothing blocks; a failed notification or sample is logged, never thrown.
 */
public final class AnalysisEngine implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisEngine.class);

  private final AnalysisSettings settings;
  private final AlertRouting routing;
  private final Notifier notifier;
  private final InstantSource clock;
  private final StreamingWindows windows;
  private final Map<SeriesKey, DegradationDetector> detectors = new HashMap<>();
  private final Map<SeriesKey, SloLedger> ledgers = new HashMap<>();
  private final Map<SeriesKey, String> down = new LinkedHashMap<>();
  private final Map<Map.Entry<String, String>, WatchedServer> watched = new LinkedHashMap<>();
  private final NeighbourClassifier classifier;
  private final FindingTracker findings;
  private final AlertBook alerts;
  private final List<AnalysisListener> listeners = new CopyOnWriteArrayList<>();
  private Catalog catalog;
  private List<Diagnosis> diagnoses = List.of();
  private Vertx vertx;
  private final List<Long> timers = new ArrayList<>();

  public AnalysisEngine(Catalog catalog, AnalysisSettings settings, AlertRouting routing, Notifier notifier,
      InstantSource clock) {
    this.settings = settings;
    this.routing = routing;
    this.notifier = notifier;
    this.clock = clock;
    this.windows = new StreamingWindows(settings.window());
    this.classifier = new NeighbourClassifier(List.of(new ActivityAttribution(this::loadsOf), new ProbeAttribution()));
    String stamp = Long.toString(clock.millis(), 36);
    this.findings = new FindingTracker("f-" + stamp);
    this.alerts = new AlertBook(settings.quietPeriod(), settings.runbookBase(), "a-" + stamp);
    updateCatalog(catalog);
  }

  public void addListener(AnalysisListener listener) {
    listeners.add(listener);
  }

  /**
   * Samples the per-database activity of the server behind a placement label (e.g.
   * {@code postgres=pg-a}): contentions on that placement are then attributed from it.
   */
  public void watch(String labelKey, String labelValue, ActivitySampler sampler) {
    watched.put(Map.entry(labelKey, labelValue), new WatchedServer(labelKey + "=" + labelValue, sampler));
  }

  /**
   * Starts the evaluation and sampling timers on the calling context, and samples the watched
   * servers once now (a sample is a difference from the previous one: the first loads are then
   * known after one {@code sampleEvery}, not two).
   */
  public void start(Vertx vertx) {
    this.vertx = vertx;
    sample(clock.instant());
    timers.add(vertx.setPeriodic(settings.evaluateEvery().toMillis(), id -> evaluate(clock.instant())));
    timers.add(vertx.setPeriodic(settings.sampleEvery().toMillis(), id -> sample(clock.instant())));
  }

  public void stop() {
    if (vertx != null) {
      timers.forEach(vertx::cancelTimer);
      timers.clear();
    }
  }

  /** A new catalog: series of removed tenants and journeys are forgotten, SLO ledgers follow the objectives. */
  public void updateCatalog(Catalog next) {
    this.catalog = next;
    Set<String> tenantIds = next.tenants().stream().map(Tenant::id).collect(Collectors.toSet());
    windows.retainTenants(tenantIds);
    detectors.keySet().removeIf(key -> journey(key).isEmpty());
    down.keySet().removeIf(key -> journey(key).isEmpty());
    Map<SeriesKey, SloLedger> kept = new HashMap<>();
    for (Tenant tenant : next.tenants()) {
      for (TenantJourney journey : tenant.journeys()) {
        journey.slo().ifPresent(slo -> {
          SeriesKey key = SeriesKey.journey(tenant.id(), journey.journeyId());
          SloLedger before = ledgers.get(key);
          kept.put(key, before != null && before.sameTerms(slo, journey.budget()) ? before
              : new SloLedger(tenant.id(), journey.journeyId(), slo, journey.budget(), BurnRateRule.WORKBOOK));
        });
      }
    }
    ledgers.clear();
    ledgers.putAll(kept);
  }

  @Override
  public void onRunCompleted(RunResult run) {
    accept(windows.record(run));
    SloLedger ledger = ledgers.get(SeriesKey.journey(run.tenantId(), run.journeyId()));
    if (ledger != null) {
      ledger.record(run);
    }
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    SeriesKey key = SeriesKey.journey(change.tenantId(), change.journeyId());
    if (change.to() == Status.DOWN) {
      down.put(key, change.reason());
    } else {
      down.remove(key);
    }
    reconcile(change.at());
  }

  /** Closes the windows that ended by {@code now}, classifies, and reconciles alerts. */
  public void evaluate(Instant now) {
    accept(windows.closeUpTo(now));
    diagnoses = classifier.classify(health());
    FindingTracker.Changes changes = findings.update(diagnoses, now);
    changes.opened().forEach(f -> tell(l -> l.onFindingOpened(f)));
    changes.closed().forEach(f -> tell(l -> l.onFindingClosed(f)));
    reconcile(now);
  }

  public List<Finding> openFindings() {
    return findings.open();
  }

  public List<Alert> openAlerts() {
    return alerts.open();
  }

  /** The last closed window of every series (tenant × journey, and each step). */
  public Map<SeriesKey, WindowStats> latestWindows() {
    return windows.latest();
  }

  /** The open degradations. */
  public List<Degradation> degradations() {
    return detectors.values().stream().map(DegradationDetector::current).flatMap(Optional::stream).toList();
  }

  public List<SloStatus> sloStatuses() {
    Instant now = clock.instant();
    return ledgers.values().stream().map(ledger -> ledger.status(now)).toList();
  }

  /** The fresh loads of every watched server, by placement ({@code postgres=pg-a}); a server not sampled lately is left out. */
  public Map<String, List<DatabaseLoad>> sampledLoads() {
    Duration maxAge = settings.sampleEvery().multipliedBy(3);
    Instant now = clock.instant();
    Map<String, List<DatabaseLoad>> loads = new LinkedHashMap<>();
    watched.values().forEach(server -> server.loads(now, maxAge).ifPresent(l -> loads.put(server.placement(), l)));
    return loads;
  }

  /** Reads every watched server now (the timer does this every {@code sampleEvery}). */
  void sample(Instant now) {
    watched.values().forEach(server -> server.sample(now));
  }

  private Optional<List<DatabaseLoad>> loadsOf(PlacementGroup group) {
    Duration maxAge = settings.sampleEvery().multipliedBy(3);
    Instant now = clock.instant();
    return group.labels().entrySet().stream()
        .map(label -> watched.get(Map.entry(label.getKey(), label.getValue())))
        .filter(Objects::nonNull)
        .map(server -> server.loads(now, maxAge)).flatMap(Optional::stream).findFirst();
  }

  private void accept(List<WindowStats> closed) {
    for (WindowStats window : closed) {
      if (window.key().step().isPresent()) {
        continue;
      }
      Optional<TenantJourney> journey = journey(window.key());
      if (journey.isEmpty()) {
        continue;
      }
      detectors.computeIfAbsent(window.key(), key -> new DegradationDetector(key, settings.detection(), zone(key)))
          .accept(window, journey.get().budget())
          .ifPresent(change -> LOG.info("{}: {}", window.key(), change));
    }
  }

  private List<TenantHealth> health() {
    Map<String, List<DegradationDetector>> byTenant = new HashMap<>();
    detectors.forEach((key, detector) -> byTenant.computeIfAbsent(key.tenantId(), id -> new ArrayList<>()).add(detector));
    List<TenantHealth> health = new ArrayList<>();
    for (Tenant tenant : catalog.tenants()) {
      List<DegradationDetector> mine = byTenant.get(tenant.id());
      if (mine == null) {
        continue;
      }
      List<Degradation> open = mine.stream().map(DegradationDetector::current).flatMap(Optional::stream).toList();
      double rise = open.isEmpty()
          ? mine.stream().mapToDouble(DegradationDetector::lastRise).max().orElse(1.0)
          : open.stream().mapToDouble(Degradation::rise).max().orElseThrow();
      Optional<Instant> since = open.stream().map(Degradation::since).min(Instant::compareTo);
      health.add(new TenantHealth(tenant.id(), tenant.placement(), tenant.database(), !open.isEmpty(), rise, since));
    }
    return health;
  }

  private void reconcile(Instant now) {
    Set<String> downTenants = down.keySet().stream().map(SeriesKey::tenantId).collect(Collectors.toSet());
    List<Cause> causes = new ArrayList<>();
    down.forEach((key, reason) -> causes.add(AlertRules.journeyDown(key.tenantId(), key.journeyId(), reason)));
    degradations().forEach(d -> causes.add(AlertRules.journeyDegraded(d)));
    ledgers.values().forEach(ledger -> AlertRules.sloBurn(ledger.status(now)).ifPresent(causes::add));
    diagnoses.forEach(d -> AlertRules.finding(d, downTenants).ifPresent(causes::add));
    Map<String, Map<String, String>> placements = new HashMap<>();
    catalog.tenants().forEach(t -> placements.put(t.id(), t.placement()));
    causes.addAll(AlertRules.placementsDown(placements, downTenants));
    AlertBook.Changes changes = alerts.reconcile(causes, now);
    changes.opened().forEach(a -> tell(l -> l.onAlertOpened(a)));
    changes.resolved().forEach(a -> tell(l -> l.onAlertResolved(a)));
    changes.notifications().forEach(this::send);
  }

  private void send(Notification notification) {
    LOG.info("alert {} {} [{}] {}: {}", notification.alert().id(), notification.type(),
        notification.alert().severity().label(), notification.alert().kind().slug(), notification.alert().cause().summary());
    notifier.send(notification, routing.route(notification.alert()));
  }

  private void tell(Consumer<AnalysisListener> event) {
    for (AnalysisListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.error("analysis listener {} failed", listener, e);
      }
    }
  }

  private Optional<TenantJourney> journey(SeriesKey key) {
    return catalog.tenant(key.tenantId()).flatMap(t -> t.journey(key.journeyId()));
  }

  private ZoneId zone(SeriesKey key) {
    return catalog.tenant(key.tenantId()).map(t -> ZoneId.of(t.timezone())).orElse(ZoneId.of("UTC"));
  }
}
