package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Odoo 19's {@code /json/2/<model>/<method>}: named arguments, bearer API keys, HTTP error statuses. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class Json2Test {
  private WebClient client;

  private Future<SandboxOdoo> sandbox(Vertx vertx, SandboxConfig config) {
    return SandboxOdoo.start(vertx, config.withLatencyScale(0)).map(sandbox -> {
      client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(sandbox.port()));
      return sandbox;
    });
  }

  private Future<HttpResponse<Buffer>> json2(String db, String key, String model, String method, JsonObject body) {
    var request = client.post("/json/2/" + model + "/" + method).putHeader("Authorization", "bearer " + key);
    if (db != null) {
      request.putHeader("X-Odoo-Database", db);
    }
    return request.sendJsonObject(body);
  }

  @Test
  @DisplayName("The invoice journey runs over JSON-2 with named arguments and an API key")
  void invoiceJourney(Vertx vertx, VertxTestContext testContext) {
    List<HttpResponse<Buffer>> responses = new ArrayList<>();
    JsonObject invoice = new JsonObject().put("move_type", "out_invoice").put("partner_id", 15)
        .put("invoice_date", "2026-11-20")
        .put("invoice_line_ids", SandboxRpc.lines(new JsonObject().put("product_id", 8).put("price_unit", 100.0)));
    sandbox(vertx, SandboxConfig.defaults(19, "north", "south"))
        .compose(sandbox -> json2("north", "admin", "res.partner", "search_read", new JsonObject()
                .put("domain", SandboxRpc.domain("is_company", "=", true)).put("fields", new JsonArray().add("name"))
                .put("limit", 2))
            .map(responses::add)
            .compose(next -> json2("north", "admin", "account.move", "create",
                new JsonObject().put("vals_list", new JsonArray().add(invoice))))
            .map(responses::add)
            .compose(created -> {
              long id = responses.get(1).bodyAsJsonArray().getLong(0);
              return json2("north", "admin", "account.move", "action_post", new JsonObject().put("ids", SandboxRpc.ids(id)))
                  .map(responses::add)
                  .compose(posted -> json2("north", "admin", "account.move", "read", new JsonObject()
                      .put("ids", SandboxRpc.ids(id)).put("fields", new JsonArray().add("name").add("state"))));
            })
            .map(responses::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          assertEquals(200, responses.get(0).statusCode());
          assertEquals(new JsonArray()
                  .add(new JsonObject().put("id", 15).put("name", "Azure Interior"))
                  .add(new JsonObject().put("id", 10).put("name", "Deco Addict")),
              responses.get(0).bodyAsJsonArray());
          assertEquals(1, responses.get(1).bodyAsJsonArray().size(), "one id per created record");
          assertEquals("false", responses.get(2).bodyAsString());
          JsonObject read = responses.get(3).bodyAsJsonArray().getJsonObject(0);
          assertEquals("posted", read.getString("state"));
          assertTrue(read.getString("name").matches("INV/2026/\\d{5}"), read.getString("name"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("JSON-2 errors are HTTP statuses with {name, message, arguments, context, debug}")
  void errorStatuses(Vertx vertx, VertxTestContext testContext) {
    List<HttpResponse<Buffer>> responses = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(19, "north"))
        .compose(sandbox -> json2(null, "not-a-key", "res.partner", "search", new JsonObject())
            .map(responses::add)
            .compose(next -> json2(null, "admin", "res.partner", "write",
                new JsonObject().put("ids", SandboxRpc.ids(999999999)).put("vals", new JsonObject().put("name", "x"))))
            .map(responses::add)
            .compose(next -> json2(null, "admin", "account.move", "create",
                new JsonObject().put("vals_list", new JsonArray().add(new JsonObject().put("move_type", "out_invoice")))))
            .compose(created -> json2(null, "admin", "account.move", "action_post",
                new JsonObject().put("ids", created.bodyAsJsonArray())))
            .map(responses::add)
            .compose(next -> json2(null, "demo", "ir.config_parameter", "search_read", new JsonObject()))
            .map(responses::add)
            .compose(next -> json2(null, "admin", "res.partner", "search", new JsonObject().put("badparameter", 1)))
            .map(responses::add)
            .compose(next -> json2(null, "admin", "no.such.model", "search", new JsonObject()))
            .map(responses::add)
            .compose(next -> json2(null, "admin", "res.partner", "read",
                new JsonObject().put("ids", SandboxRpc.ids(1)).put("fields", new JsonArray().add("is_storablex"))))
            .map(responses::add)
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
          assertEquals(List.of(401, 404, 422, 403, 422, 404, 500), statuses);
          JsonObject unauthorized = responses.get(0).bodyAsJsonObject();
          assertEquals("werkzeug.exceptions.Unauthorized", unauthorized.getString("name"));
          assertEquals(new JsonArray().add("Invalid apikey").add(401), unauthorized.getJsonArray("arguments"));
          assertEquals(new JsonObject(), unauthorized.getJsonObject("context"));
          assertEquals("odoo.exceptions.MissingError", responses.get(1).bodyAsJsonObject().getString("name"));
          assertEquals("odoo.exceptions.UserError", responses.get(2).bodyAsJsonObject().getString("name"));
          assertEquals("odoo.exceptions.AccessError", responses.get(3).bodyAsJsonObject().getString("name"));
          assertTrue(responses.get(4).bodyAsJsonObject().getString("message")
              .endsWith("got an unexpected keyword argument 'badparameter'"));
          assertEquals("builtins.ValueError", responses.get(6).bodyAsJsonObject().getString("name"));
          assertTrue(responses.get(6).bodyAsJsonObject().getString("debug").startsWith("Traceback"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Without the database header a multi-database server does not route JSON-2; before 19 it does not exist")
  void routing(Vertx vertx, VertxTestContext testContext) {
    List<Integer> statuses = new ArrayList<>();
    sandbox(vertx, SandboxConfig.defaults(19, "north", "south"))
        .compose(sandbox -> json2(null, "admin", "res.partner", "search", new JsonObject())
            .map(response -> statuses.add(response.statusCode()))
            .compose(next -> json2("south", "admin", "res.partner", "search", new JsonObject()))
            .map(response -> statuses.add(response.statusCode()))
            .eventually(sandbox::stop))
        .compose(done -> sandbox(vertx, SandboxConfig.defaults(18, "north")))
        .compose(sandbox -> json2("north", "admin", "res.partner", "search", new JsonObject())
            .map(response -> statuses.add(response.statusCode()))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          assertEquals(List.of(404, 200, 404), statuses);
          testContext.completeNow();
        })));
  }
}
