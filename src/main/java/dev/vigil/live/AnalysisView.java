package dev.vigil.live;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Finding;
import java.util.List;

/**
 * The analysis' open findings and alerts as of its last change, readable from any thread (the
 * analysis itself runs on an event loop of its own).
 */
public interface AnalysisView {
  /** No analysis: nothing open. */
  AnalysisView NONE = new AnalysisView() {
    @Override
    public List<Finding> openFindings() {
      return List.of();
    }

    @Override
    public List<Alert> openAlerts() {
      return List.of();
    }
  };

  List<Finding> openFindings();

  List<Alert> openAlerts();
}
