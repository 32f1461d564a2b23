package dev.vigil.bootstrap;

import dev.vigil.analysis.AnalysisEngine;
import dev.vigil.analysis.AnalysisListener;
import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.live.AnalysisView;
import dev.vigil.schedule.RunListener;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;

/**
 * The {@link AnalysisEngine} on an event loop of its own: the scheduler's runs and status changes
 * are handed over to it (so the engine, which is not thread-safe, only ever runs there, timers
 * included), and its open findings and alerts are published as immutable lists after each change
 * ({@link AnalysisView}), for the API on its own loop. Deploy before the scheduler.
 */
final class AnalysisVerticle extends VerticleBase implements RunListener, AnalysisView, AnalysisListener {
  private final AnalysisEngine engine;
  private volatile List<Finding> findings = List.of();
  private volatile List<Alert> alerts = List.of();

  AnalysisVerticle(AnalysisEngine engine) {
    this.engine = engine;
  }

  @Override
  public Future<?> start() {
    engine.addListener(this);
    engine.start(vertx);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    engine.stop();
    return Future.succeededFuture();
  }

  /** Hears the engine's events besides this view (the live stream); call before deploying. */
  void addListener(AnalysisListener listener) {
    engine.addListener(listener);
  }

  @Override
  public void onRunCompleted(RunResult run) {
    context.runOnContext(v -> engine.onRunCompleted(run));
  }

  @Override
  public void onStatusChanged(StatusChange change) {
    context.runOnContext(v -> engine.onStatusChanged(change));
  }

  /** A reloaded catalog; applied on the engine's loop. */
  void updateCatalog(Catalog catalog) {
    context.runOnContext(v -> {
      engine.updateCatalog(catalog);
      refresh();
    });
  }

  @Override
  public List<Finding> openFindings() {
    return findings;
  }

  @Override
  public List<Alert> openAlerts() {
    return alerts;
  }

  @Override
  public void onFindingOpened(Finding finding) {
    refresh();
  }

  @Override
  public void onFindingClosed(Finding finding) {
    refresh();
  }

  @Override
  public void onAlertOpened(Alert alert) {
    refresh();
  }

  @Override
  public void onAlertResolved(Alert alert) {
    refresh();
  }

  private void refresh() {
    findings = List.copyOf(engine.openFindings());
    alerts = List.copyOf(engine.openAlerts());
  }
}
