package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sandbox's login page and web client, over HTTP: what browser journeys rely on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebPagesTest {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private SandboxOdoo sandbox(int version) throws Exception {
    return await(SandboxOdoo.start(vertx, SandboxConfig.defaults(version, "a", "b").withLatencyScale(0)));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> login(SandboxOdoo sandbox, String password) throws Exception {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("csrf_token", "x").add("db", "b").add("login", "admin").add("password", password).add("redirect", "");
    return await(client.postAbs(sandbox.baseUrl() + "/web/login").sendForm(form));
  }

  @Test
  @DisplayName("The login page has Odoo's form, field names and database field when ?db= names one")
  void loginForm() throws Exception {
    SandboxOdoo sandbox = sandbox(17);
    String page = await(client.getAbs(sandbox.baseUrl() + "/web/login?db=b").send()).bodyAsString();
    assertTrue(page.contains("<form class=\"oe_login_form\""), page);
    assertTrue(page.contains("name=\"login\"") && page.contains("name=\"password\""), page);
    assertTrue(page.contains("name=\"db\" value=\"b\""), page);
    assertTrue(page.contains("<button type=\"submit\""), page);
  }

  @Test
  @DisplayName("A wrong password shows the form again with Odoo's alert and no session")
  void wrongPassword() throws Exception {
    HttpResponse<Buffer> answer = login(sandbox(18), "nope");
    assertEquals(200, answer.statusCode());
    assertTrue(answer.bodyAsString().contains("<p class=\"alert alert-danger\" role=\"alert\">Wrong login/password</p>"));
    assertNull(answer.getHeader("Set-Cookie"));
  }

  @Test
  @DisplayName("A good password redirects to /web on 16 and /odoo on 18 with a session that opens the web client")
  void goodPassword() throws Exception {
    for (int version : new int[] {16, 18}) {
      SandboxOdoo sandbox = sandbox(version);
      HttpResponse<Buffer> answer = login(sandbox, "admin");
      String home = version == 16 ? "/web" : "/odoo";
      assertEquals(303, answer.statusCode());
      assertEquals(home, answer.getHeader("Location"));
      String cookie = answer.getHeader("Set-Cookie").split(";")[0];
      String client16 = await(client.getAbs(sandbox.baseUrl() + home).putHeader("Cookie", cookie).send()).bodyAsString();
      assertTrue(client16.contains("<nav class=\"o_main_navbar\""), client16);
      HttpResponse<Buffer> anonymous = await(client.getAbs(sandbox.baseUrl() + home).send());
      assertEquals(303, anonymous.statusCode());
      assertTrue(anonymous.getHeader("Location").startsWith("/web/login?redirect="), anonymous.getHeader("Location"));
    }
  }
}
