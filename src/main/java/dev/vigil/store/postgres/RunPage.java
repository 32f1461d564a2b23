package dev.vigil.store.postgres;

import java.util.List;
import java.util.Optional;

/**
 * A page of runs, newest first; {@code next} is the opaque cursor of the following page, empty on
 * the last one. Pages are keyed on (start, run id), so runs written meanwhile never shift them:
 * no run is listed twice or skipped.
 */
public record RunPage(List<RunSummary> runs, Optional<String> next) {
  public RunPage {
    runs = List.copyOf(runs);
  }
}
