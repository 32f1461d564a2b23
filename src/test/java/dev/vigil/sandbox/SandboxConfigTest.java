package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class SandboxConfigTest {
  private SandboxRpc rpc;

  @Test
  @DisplayName("The defaults are a usable server: loopback, ephemeral port, 4 workers, account and stock")
  void defaults() {
    SandboxConfig config = SandboxConfig.defaults(18, "clinic_north", "clinic_south");
    assertEquals(List.of(), config.validate());
    assertEquals("127.0.0.1", config.host());
    assertEquals(0, config.port());
    assertEquals(4, config.workers());
    assertEquals(Set.of("account", "stock"), config.databases().get(0).modules());
    assertEquals(Set.of("account", "purchase", "stock"),
        SandboxConfig.Database.of("east").withModule("purchase").modules());
  }

  @Test
  @DisplayName("Configured passwords replace the demo ones, for logins and as JSON-RPC credentials")
  void customPasswords(Vertx vertx, VertxTestContext testContext) {
    SandboxConfig config = SandboxConfig.defaults(16, "clinic").withPasswords("s3cret", "d3mo").withLatencyScale(0);
    SandboxOdoo.start(vertx, config).compose(sandbox -> {
      rpc = new SandboxRpc(vertx, sandbox);
      return rpc.login("clinic", "admin", "admin")
          .compose(refused -> rpc.login("clinic", "demo", "d3mo")
              .map(accepted -> List.of(SandboxRpc.errorName(refused), accepted.getJsonObject("result").getInteger("uid"))))
          .eventually(sandbox::stop);
    }).onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
      assertEquals(List.of("odoo.exceptions.AccessDenied", 6), answers);
      testContext.completeNow();
    })));
  }

  @Test
  @DisplayName("A broken config is refused with every problem listed at once, and the sandbox does not start")
  void everyProblemAtOnce(Vertx vertx, VertxTestContext testContext) {
    SandboxConfig broken = new SandboxConfig(" ", 70000, 15,
        List.of(SandboxConfig.Database.of("a"), SandboxConfig.Database.of("a"),
            new SandboxConfig.Database("bad name", Set.of("crm"))),
        0, "", "demo", -1, null);
    List<String> problems = broken.validate();
    testContext.verify(() -> assertEquals(10, problems.size(), String.join("\n", problems)));
    SandboxOdoo.start(vertx, broken).onComplete(testContext.failing(error -> testContext.verify(() -> {
      assertInstanceOf(IllegalArgumentException.class, error);
      problems.forEach(problem -> assertTrue(error.getMessage().contains(problem), problem));
      testContext.completeNow();
    })));
  }
}
