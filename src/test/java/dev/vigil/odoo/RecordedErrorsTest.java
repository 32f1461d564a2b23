package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@DisplayName("Recorded Odoo errors become faults of the right class, with Odoo's own message")
class RecordedErrorsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  ReplayOdoo odoo;
  WebClient webClient;

  @AfterEach
  void stop(VertxTestContext ctx) {
    if (webClient != null) {
      webClient.close();
    }
    odoo.close().onComplete(ctx.succeedingThenComplete());
  }

  static Stream<Arguments> callErrors() {
    return Stream.of(
        Arguments.of("odoo18-clinic_north.jsonl", "ERR access error (demo user reads ir.config_parameter)",
            ErrorClass.ACCESS, "odoo.exceptions.AccessError"),
        Arguments.of("odoo16-hospital_group.jsonl", "ERR access error (demo user writes res.company)",
            ErrorClass.ACCESS, "odoo.exceptions.AccessError"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR UserError (action_post without lines)",
            ErrorClass.VALIDATION, "odoo.exceptions.UserError"),
        Arguments.of("odoo18-invoicechain.jsonl", "unlink A while B has a later number",
            ErrorClass.VALIDATION, "odoo.exceptions.UserError"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR ValueError (bad selection value)",
            ErrorClass.VALIDATION, "builtins.ValueError"),
        Arguments.of("odoo16-hospital_group.jsonl", "api surface: web_search_read (17+ signature)",
            ErrorClass.VALIDATION, "builtins.TypeError"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR unknown method",
            ErrorClass.VALIDATION, "builtins.AttributeError"),
        Arguments.of("odoo16-hospital_group.jsonl", "ERR unknown model",
            ErrorClass.VALIDATION, "builtins.KeyError"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR unknown model",
            ErrorClass.VALIDATION, "werkzeug.exceptions.NotFound"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR missing record call_kw write",
            ErrorClass.MISSING_RECORD, "odoo.exceptions.MissingError"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR private method",
            ErrorClass.ACCESS, "odoo.exceptions.AccessError"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR malformed JSON body",
            ErrorClass.VALIDATION, "json.decoder.JSONDecodeError"),
        Arguments.of("odoo16-hospital_group.jsonl", "ERR malformed JSON body",
            ErrorClass.VALIDATION, "http 400"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR unknown json route",
            ErrorClass.VALIDATION, "http 404"),
        Arguments.of("odoo16-hospital_group.jsonl", "ERR unknown json route",
            ErrorClass.VALIDATION, "http 404"),
        Arguments.of("odoo18-clinic_north.jsonl", "legacy /web/dataset/search_read",
            ErrorClass.VALIDATION, "http 404"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR unknown db jsonrpc common.login",
            ErrorClass.SERVER_ERROR, "psycopg2.OperationalError"));
  }

  /**
   * Plays the recorded answer to a call_kw of the same model and method (answers of other routes,
   * such as the 404 page, are served on the call's route: the route being missing is the case).
   */
  @ParameterizedTest(name = "{1} ({0}) is {2}")
  @MethodSource("callErrors")
  @DisplayName("a call answered with a recorded error fails with its class and message")
  void callErrors(String file, String label, ErrorClass expected, String odooName, Vertx vertx,
      VertxTestContext ctx) {
    Recording error = Recording.find(file, label);
    Recording auth = Recording.find("odoo18-clinic_north.jsonl", "session/authenticate");
    JsonObject params = error.params() != null && error.params().containsKey("model")
        && error.params().containsKey("method")
        ? error.params()
        : new JsonObject().put("model", "res.partner").put("method", "search_count")
            .put("args", List.of(List.of())).put("kwargs", Map.of());
    String model = params.getString("model");
    String method = params.getString("method");
    webClient = WebClient.create(vertx);
    odoo = new ReplayOdoo(vertx)
        .script("/web/session/authenticate", ReplayOdoo.Answer.recorded(auth))
        .script("/web/dataset/call_kw/" + model + "/" + method, ReplayOdoo.Answer.recorded(error));
    odoo.start()
        .compose(started -> client(vertx).call(model, method, params.getJsonArray("args").stream().toList(),
            params.getJsonObject("kwargs").getMap(), TIMEOUT))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, err);
          assertEquals(expected, fault.errorClass(), fault.getMessage());
          assertEquals(odooName, fault.odooName());
          assertTrue(fault.getMessage().startsWith(model + "." + method + ": "), fault.getMessage());
          if (error.response() instanceof JsonObject answer) {
            String serverMessage = answer.getJsonObject("error").getJsonObject("data").getString("message");
            String expectedText = serverMessage.length() > 100 ? serverMessage.substring(0, 100) : serverMessage;
            assertTrue(fault.getMessage().contains(expectedText), fault.getMessage());
          }
          assertTrue(fault.getMessage().length() <= model.length() + method.length() + 3 + 501);
          assertEquals(1, odoo.count("/web/session/authenticate"), "no re-login for a plain error");
          ctx.completeNow();
        })));
  }

  static Stream<Arguments> loginErrors() {
    return Stream.of(
        Arguments.of("odoo18-clinic_north.jsonl", "ERR wrong password /web/session/authenticate",
            "odoo.exceptions.AccessDenied", "Access Denied"),
        Arguments.of("odoo16-hospital_group.jsonl", "ERR wrong password /web/session/authenticate",
            "odoo.exceptions.AccessDenied", "Access Denied"),
        Arguments.of("odoo18-clinic_north.jsonl", "ERR unknown db /web/session/authenticate",
            "odoo.exceptions.AccessError", "Database not found."),
        Arguments.of("odoo16-hospital_group.jsonl", "ERR unknown db /web/session/authenticate",
            "odoo.exceptions.AccessError", "Database not found."));
  }

  @ParameterizedTest(name = "{1} ({0})")
  @MethodSource("loginErrors")
  @DisplayName("a refused authentication is an AUTH fault with Odoo's message, replayed by its own request")
  void loginErrors(String file, String label, String odooName, String message, Vertx vertx,
      VertxTestContext ctx) {
    Recording error = Recording.find(file, label);
    JsonObject params = error.params();
    webClient = WebClient.create(vertx);
    odoo = new ReplayOdoo(vertx, List.of(error));
    odoo.start()
        .compose(started -> new OdooRpcClient(vertx, webClient, OdooTarget.of(odoo.baseUrl(),
                params.getString("db"), params.getString("login"),
                () -> new Secret(params.getString("password")), OdooApi.SESSION))
            .login(false, TIMEOUT))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          OdooFault fault = assertInstanceOf(OdooFault.class, err);
          assertEquals(ErrorClass.AUTH, fault.errorClass());
          assertEquals(odooName, fault.odooName());
          assertEquals("session/authenticate: " + message, fault.getMessage());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a failed login keeps no session, and the next call tries to log in again")
  void failedLoginKeepsNoSession(Vertx vertx, VertxTestContext ctx) {
    Recording wrong = Recording.find("odoo18-clinic_north.jsonl", "ERR wrong password /web/session/authenticate");
    webClient = WebClient.create(vertx);
    odoo = new ReplayOdoo(vertx, List.of(wrong));
    odoo.start()
        .compose(started -> {
          OdooRpcClient client = new OdooRpcClient(vertx, webClient, OdooTarget.of(odoo.baseUrl(),
              "clinic_north", "admin", () -> new Secret("wrong"), OdooApi.SESSION));
          return client.login(false, TIMEOUT)
              .map(session -> (Object) session)
              .recover(first -> client.call("res.partner", "search_count", List.of(List.of()),
                  Map.of(), TIMEOUT));
        })
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertEquals(ErrorClass.AUTH, ((OdooFault) err).errorClass());
          assertEquals(2, odoo.count("/web/session/authenticate"));
          ctx.completeNow();
        })));
  }

  private OdooRpcClient client(Vertx vertx) {
    return new OdooRpcClient(vertx, webClient, OdooTarget.of(
        odoo.baseUrl(), "clinic_north", "admin", () -> new Secret("admin"), OdooApi.SESSION));
  }
}
