package dev.vigil.analysis.neighbour;

import io.vertx.core.Future;
import java.util.List;

/**
 * Samples how hard each database of one shared server works. Each call returns the loads since
 * the previous call (empty on the first); it never blocks and fails (rather than hangs) when the
 * server does not answer in time.
 */
public interface ActivitySampler {
  Future<List<DatabaseLoad>> sample();
}
