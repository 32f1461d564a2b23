package dev.vigil.gate.http;

import dev.vigil.domain.RunResult;
import dev.vigil.gate.GatePlan;
import dev.vigil.gate.GateReport;
import dev.vigil.gate.GateRunner;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts HTTP gates, at most {@code maxInFlight} at once across both endpoints, so that callers
 * cannot turn Vigil into a load generator against their tenants. Each gate's runs go to the sink
 * (store and live stream). Thread-safe.
 */
final class GateLauncher {
  private final GateRunner runner;
  private final Consumer<RunResult> sink;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();

  GateLauncher(GateRunner runner, Consumer<RunResult> sink, int maxInFlight) {
    this.runner = runner;
    this.sink = sink;
    this.maxInFlight = maxInFlight;
  }

  /** Thrown (as a failed future) when {@code maxInFlight} gates are running already. */
  static final class Busy extends RuntimeException {
    Busy(int max) {
      super(max + " gates are running already; try again when one has finished");
    }
  }

  Future<GateReport> start(GatePlan plan) {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new Busy(maxInFlight));
    }
    return runner.run(plan, sink).andThen(done -> inFlight.decrementAndGet());
  }
}
