package dev.vigil.engine.e2e;

import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life cycle the end-to-end tests share: each test starts its own sandbox and engine
 * ({@link #start}), kept in a field so that its clients stay reachable, and stopped after the test
 * whatever happened.
 */
@ExtendWith(VertxExtension.class)
abstract class SandboxTest {
  protected E2eSandbox sandbox;

  protected Future<E2eSandbox> start(Vertx vertx, SandboxConfig config) {
    return E2eSandbox.start(vertx, config).map(started -> sandbox = started);
  }

  @AfterEach
  void stopSandbox(VertxTestContext testContext) {
    Future<Void> stopped = sandbox == null ? Future.succeededFuture() : sandbox.stop();
    sandbox = null;
    stopped.onComplete(testContext.succeedingThenComplete());
  }
}
