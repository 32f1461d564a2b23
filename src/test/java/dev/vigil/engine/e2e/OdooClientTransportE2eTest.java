package dev.vigil.engine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import dev.vigil.odoo.OdooFault;
import dev.vigil.odoo.OdooRpcClient;
import dev.vigil.odoo.OdooTarget;
import dev.vigil.sandbox.SandboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Odoo client's own transport limits, over real sockets to a sandbox: a call that cannot get a
 * connection gives up after the connect timeout, and says so with that timeout, not the call's.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class OdooClientTransportE2eTest extends SandboxTest {
  private static final String DB = "clinic_north";
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private WebClient oneConnection;
  private OdooRpcClient hungClient;
  private OdooRpcClient waitingClient;

  @AfterEach
  void closeClient() {
    if (oneConnection != null) {
      oneConnection.close();
    }
  }

  private OdooRpcClient client(Vertx vertx) {
    return new OdooRpcClient(vertx, oneConnection, new OdooTarget(sandbox.baseUrl(), DB, "admin",
        () -> new Secret(E2eSandbox.ADMIN_PASSWORD), OdooApi.JSONRPC, CONNECT_TIMEOUT, Duration.ofSeconds(10)));
  }

  @Test
  @DisplayName("A call that waits for a connection longer than the connect timeout fails CONNECTION, naming the connect timeout")
  void connectTimeoutNamesItsLimit(Vertx vertx, VertxTestContext testContext) {
    oneConnection = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(1));
    start(vertx, E2eSandbox.config(18).withDatabase(SandboxConfig.Database.of(DB)))
        .compose(started -> {
          hungClient = client(vertx);
          waitingClient = client(vertx);
          return hungClient.login(false, CALL_TIMEOUT);
        })
        .compose(loggedIn -> sandbox.control().hang(DB))
        .compose(hung -> {
          Future<Object> held = hungClient.call("res.users", "search_count", List.of(List.of()), Map.of(), CALL_TIMEOUT);
          return sandbox.busyWorkers(1)
              .compose(holding -> waitingClient.call("res.users", "search_count", List.of(List.of()), Map.of(), CALL_TIMEOUT))
              .<Throwable>transform(done -> Future.succeededFuture(done.cause()))
              .compose(waited -> sandbox.control().release(DB).compose(released -> held).map(waited));
        })
        .eventually(() -> sandbox.control().release(DB))
        .onComplete(testContext.succeeding(failure -> testContext.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, failure);
          assertEquals(ErrorClass.CONNECTION, fault.errorClass(), fault.getMessage());
          assertTrue(fault.getMessage().contains("within " + CONNECT_TIMEOUT.toMillis() + " ms"), fault.getMessage());
          testContext.completeNow();
        })));
  }
}
