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
 * whatever happened. After every test, no message of any run it made may hold the admin password
 * (used by most tenants) or the wrong password (used by the tenants meant to be refused).
 */
@ExtendWith(VertxExtension.class)
abstract class SandboxTest {
  protected E2eSandbox sandbox;

  protected Future<E2eSandbox> start(Vertx vertx, SandboxConfig config) {
    return E2eSandbox.start(vertx, config).map(started -> sandbox = started);
  }

  @AfterEach
  void stopSandbox(VertxTestContext testContext) {
    E2eSandbox ran = sandbox;
    sandbox = null;
    if (ran == null) {
      testContext.completeNow();
      return;
    }
    ran.stop().onComplete(testContext.succeeding(stopped -> testContext.verify(() -> {
      ran.runs().forEach(run -> Runs.assertNoSecret(run, E2eSandbox.ADMIN_PASSWORD, E2eSandbox.WRONG_PASSWORD));
      testContext.completeNow();
    })));
  }
}
