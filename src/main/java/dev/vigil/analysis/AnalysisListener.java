package dev.vigil.analysis;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Finding;

/**
 * Hears the analysis' lifecycle events (the store and the live stream subscribe here). Called on
 * the analysis' event loop: return quickly, never block; a throwing listener is logged and the
 * others still hear.
 */
public interface AnalysisListener {
  default void onFindingOpened(Finding finding) {}

  /** {@code finding.closedAt()} is set. */
  default void onFindingClosed(Finding finding) {}

  default void onAlertOpened(Alert alert) {}

  /** {@code alert.resolvedAt()} is set. */
  default void onAlertResolved(Alert alert) {}
}
