package dev.vigil.analysis;

import dev.vigil.analysis.neighbour.ActivitySampler;
import dev.vigil.analysis.neighbour.DatabaseLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared server whose per-database activity is sampled, with its latest loads. One sample at a
 * time: a sample still running when the next is due is not doubled. Confined to the analysis'
 * event loop.
 */
final class WatchedServer {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedServer.class);

  private final String placement;
  private final ActivitySampler sampler;
  private List<DatabaseLoad> latest = List.of();
  private Instant sampledAt = Instant.MIN;
  private boolean sampling;

  WatchedServer(String placement, ActivitySampler sampler) {
    this.placement = placement;
    this.sampler = sampler;
  }

  /** {@code postgres=pg-a} */
  String placement() {
    return placement;
  }

  void sample(Instant now) {
    if (sampling) {
      return;
    }
    sampling = true;
    sampler.sample().onComplete(result -> {
      sampling = false;
      if (result.succeeded()) {
        latest = result.result();
        sampledAt = now;
      } else {
        LOG.warn("could not sample the database activity of {}: {}", placement, result.cause().getMessage());
      }
    });
  }

  /** The latest loads, unless older than {@code maxAge}. */
  Optional<List<DatabaseLoad>> loads(Instant now, Duration maxAge) {
    return latest.isEmpty() || sampledAt.plus(maxAge).isBefore(now) ? Optional.empty() : Optional.of(latest);
  }
}
