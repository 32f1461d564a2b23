package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class SessionsTest {
  private static final String DB = "clinic";
  private static final String COUNT = "/web/dataset/call_kw/res.partner/search_count";

  private SandboxRpc rpc;

  private Future<SandboxOdoo> sandbox(Vertx vertx, SandboxConfig config) {
    return SandboxOdoo.start(vertx, config.withLatencyScale(0)).map(sandbox -> {
      rpc = new SandboxRpc(vertx, sandbox);
      return sandbox;
    });
  }

  private static JsonObject countParams() {
    return new JsonObject().put("model", "res.partner").put("method", "search_count")
        .put("args", new JsonArray().add(SandboxRpc.domain("is_company", "=", true))).put("kwargs", new JsonObject());
  }

  /** A JSON-RPC call with exactly this cookie (or none), outside the test client's cookie jar. */
  private Future<HttpResponse<Buffer>> withCookie(String sessionId, String path, JsonObject params) {
    var request = rpc.plain().post(path);
    if (sessionId != null) {
      request.putHeader("Cookie", "session_id=" + sessionId);
    }
    return request.sendJsonObject(new JsonObject().put("jsonrpc", "2.0").put("method", "call").put("id", 7)
        .put("params", params));
  }

  private static String sessionId(HttpResponse<Buffer> response) {
    String cookie = response.getHeader("Set-Cookie");
    return cookie.substring("session_id=".length(), cookie.indexOf(';'));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @CsvSource({"16, '[0-9a-f]{40}'", "18, '[A-Za-z0-9_-]{84}'"})
  @DisplayName("Every login rotates the session cookie, in the version's format, and the old session stops working")
  void loginRotatesTheCookie(int version, String format, Vertx vertx, VertxTestContext testContext) {
    JsonObject login = new JsonObject().put("db", DB).put("login", "admin").put("password", "admin");
    List<HttpResponse<Buffer>> responses = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(version, DB))
        .compose(sandbox -> withCookie(null, "/web/session/authenticate", login)
            .compose(first -> {
              responses.add(first);
              return withCookie(sessionId(first), "/web/session/authenticate", login);
            })
            .compose(second -> {
              responses.add(second);
              return withCookie(sessionId(responses.get(0)), COUNT, countParams());
            })
            .compose(old -> {
              responses.add(old);
              return withCookie(sessionId(responses.get(1)), COUNT, countParams());
            })
            .map(responses::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          String first = responses.get(0).getHeader("Set-Cookie");
          assertTrue(first.matches("session_id=" + format + "; Expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT;"
              + " Max-Age=604800; HttpOnly; Path=/"), first);
          assertNotEquals(sessionId(responses.get(0)), sessionId(responses.get(1)));
          JsonObject old = responses.get(2).bodyAsJsonObject();
          assertEquals(100, old.getJsonObject("error").getInteger("code"));
          assertEquals(9 + (version == 16 ? 0 : 1), responses.get(3).bodyAsJsonObject().getInteger("result"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("After a restart every session is gone: a call answers Odoo Session Expired until the client logs in again")
  void restartExpiresSessions(Vertx vertx, VertxTestContext testContext) {
    List<JsonObject> answers = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(18, DB))
        .compose(sandbox -> rpc.login(DB, "admin", "admin")
            .compose(login -> rpc.rpc(COUNT, countParams())).map(answers::add)
            .compose(ok -> sandbox.control().expireAllSessions())
            .compose(restarted -> rpc.rpc(COUNT, countParams())).map(answers::add)
            .compose(expired -> rpc.rpc("/web/session/get_session_info", new JsonObject())).map(answers::add)
            .compose(expired -> rpc.login(DB, "admin", "admin"))
            .compose(again -> rpc.rpc(COUNT, countParams())).map(answers::add)
            .map(ignored -> sandbox.control().authentications(DB))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(logins -> testContext.verify(() -> {
          assertEquals(10, answers.get(0).getInteger("result"));
          JsonObject error = answers.get(1).getJsonObject("error");
          assertEquals(100, error.getInteger("code"));
          assertEquals("Odoo Session Expired", error.getString("message"));
          assertEquals("odoo.http.SessionExpiredException", error.getJsonObject("data").getString("name"));
          assertEquals("Session expired", error.getJsonObject("data").getString("message"));
          assertEquals(3, answers.get(1).getInteger("id"), "the request id is echoed");
          assertEquals("odoo.http.SessionExpiredException", SandboxRpc.errorName(answers.get(2)));
          assertEquals(10, answers.get(3).getInteger("result"));
          assertEquals(2, logins);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A server set up to redirect answers a session-less call with 303 to the login page")
  void redirectToLogin(Vertx vertx, VertxTestContext testContext) {
    List<HttpResponse<Buffer>> responses = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(16, DB).withSessionExpiry(SessionExpiryMode.REDIRECT_LOGIN))
        .compose(sandbox -> rpc.post(COUNT, countParams())
            .compose(redirected -> {
              responses.add(redirected);
              return rpc.plain().get(redirected.getHeader("Location")).send();
            })
            .map(responses::add)
            .compose(loginPage -> rpc.login(DB, "admin", "admin"))
            .compose(login -> rpc.post(COUNT, countParams())).map(responses::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          assertEquals(303, responses.get(0).statusCode());
          assertEquals("/web/login?redirect=%2Fweb%2Fdataset%2Fcall_kw%2Fres.partner%2Fsearch_count",
              responses.get(0).getHeader("Location"));
          assertEquals(200, responses.get(1).statusCode(), "the login page exists");
          assertTrue(responses.get(1).bodyAsString().contains("oe_login_form"));
          assertEquals(200, responses.get(2).statusCode());
          assertEquals(9, responses.get(2).bodyAsJsonObject().getInteger("result"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A client that reuses its session costs one password check for a whole journey")
  void sessionReuse(Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, SandboxConfig.defaults(18, DB, "other"))
        .compose(sandbox -> {
          Future<Object> calls = rpc.login(DB, "admin", "admin").map(login -> null);
          for (int i = 0; i < 5; i++) {
            calls = calls.compose(previous -> rpc.result("res.partner", "search_count", new JsonArray()));
          }
          return calls.map(last -> new JsonArray()
                  .add(sandbox.control().authentications(DB))
                  .add(sandbox.control().callsServed(DB))
                  .add(sandbox.control().callsServed("other")))
              .eventually(sandbox::stop);
        })
        .onComplete(testContext.succeeding(counts -> testContext.verify(() -> {
          assertEquals(new JsonArray().add(1).add(6).add(0), counts);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Logging out drops the session; session/check answers no result while logged in")
  void destroyAndCheck(Vertx vertx, VertxTestContext testContext) {
    List<JsonObject> answers = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(18, DB))
        .compose(sandbox -> rpc.login(DB, "demo", "demo").map(answers::add)
            .compose(login -> rpc.rpc("/web/session/check", new JsonObject())).map(answers::add)
            .compose(check -> rpc.rpc("/web/session/destroy", new JsonObject())).map(answers::add)
            .compose(destroyed -> rpc.rpc("/web/session/check", new JsonObject())).map(answers::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          JsonObject info = answers.get(0).getJsonObject("result");
          assertEquals(6, info.getInteger("uid"));
          assertEquals(false, info.getBoolean("is_admin"));
          assertEquals(18, info.getJsonArray("server_version_info").getInteger(0));
          assertFalse(answers.get(1).containsKey("result") || answers.get(1).containsKey("error"));
          assertFalse(answers.get(2).containsKey("error"));
          assertEquals("odoo.http.SessionExpiredException", SandboxRpc.errorName(answers.get(3)));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("With its PostgreSQL down a database fails logins with OperationalError while /web/health still passes")
  void databaseDown(Vertx vertx, VertxTestContext testContext) {
    List<Object> answers = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(18, DB))
        .compose(sandbox -> sandbox.control().setDown(DB, true)
            .compose(down -> rpc.plain().get("/web/health").send()).map(health -> answers.add(health.bodyAsJsonObject()))
            .compose(health -> rpc.login(DB, "admin", "admin")).map(answers::add)
            .compose(refused -> sandbox.control().setDown(DB, false))
            .compose(up -> rpc.login(DB, "admin", "admin")).map(answers::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          assertEquals(new JsonObject().put("status", "pass"), answers.get(0));
          assertEquals("psycopg2.OperationalError", SandboxRpc.errorName((JsonObject) answers.get(1)));
          assertEquals(2, ((JsonObject) answers.get(2)).getJsonObject("result").getInteger("uid"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Wrong passwords: AccessDenied on login and execute_kw, false from common.login; an unknown database is an AccessError")
  void wrongCredentials(Vertx vertx, VertxTestContext testContext) {
    List<JsonObject> answers = new ArrayList<>();
    JsonObject commonLogin = new JsonObject().put("service", "common").put("method", "login")
        .put("args", new JsonArray().add(DB).add("admin").add("wrong"));
    JsonObject executeKw = new JsonObject().put("service", "object").put("method", "execute_kw")
        .put("args", new JsonArray().add(DB).add(2).add("wrong").add("res.partner").add("search_count")
            .add(new JsonArray().add(new JsonArray())).add(new JsonObject()));
    sandbox(vertx, SandboxConfig.defaults(16, DB))
        .compose(sandbox -> rpc.login(DB, "admin", "wrong").map(answers::add)
            .compose(next -> rpc.login("no_such_db", "admin", "admin")).map(answers::add)
            .compose(next -> rpc.rpc("/jsonrpc", commonLogin)).map(answers::add)
            .compose(next -> rpc.rpc("/jsonrpc", executeKw)).map(answers::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          assertEquals("odoo.exceptions.AccessDenied", SandboxRpc.errorName(answers.get(0)));
          assertEquals("odoo.exceptions.AccessError", SandboxRpc.errorName(answers.get(1)));
          assertEquals("Database not found.", SandboxRpc.errorMessage(answers.get(1)));
          assertEquals(false, answers.get(2).getValue("result"));
          assertEquals("odoo.exceptions.AccessDenied", SandboxRpc.errorName(answers.get(3)));
          testContext.completeNow();
        })));
  }
}
