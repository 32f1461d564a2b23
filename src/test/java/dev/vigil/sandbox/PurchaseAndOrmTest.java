package dev.vigil.sandbox;

import static dev.vigil.sandbox.SandboxRpc.domain;
import static dev.vigil.sandbox.SandboxRpc.errorMessage;
import static dev.vigil.sandbox.SandboxRpc.errorName;
import static dev.vigil.sandbox.SandboxRpc.ids;
import static dev.vigil.sandbox.SandboxRpc.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Purchase orders where the module is installed (and not where it is not), and the generic ORM calls. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PurchaseAndOrmTest {
  private SandboxRpc rpc;

  private Future<List<JsonObject>> run(Vertx vertx, SandboxConfig config, String db, List<Supplier<Future<JsonObject>>> calls) {
    return SandboxOdoo.start(vertx, config.withLatencyScale(0)).compose(sandbox -> {
      rpc = new SandboxRpc(vertx, sandbox);
      Future<List<JsonObject>> all = rpc.login(db, "admin", "admin").map(login -> new ArrayList<>());
      for (Supplier<Future<JsonObject>> call : calls) {
        all = all.compose(list -> call.get().map(answer -> {
          list.add(answer);
          return list;
        }));
      }
      return all.eventually(sandbox::stop);
    });
  }

  private static JsonArray installed(String module) {
    return new JsonArray().add(new JsonArray().add("name").add("=").add(module))
        .add(new JsonArray().add("state").add("=").add("installed"));
  }

  @Test
  @DisplayName("Where purchase is installed, an order is created, confirmed, cancelled and deleted as the journey does")
  void purchaseApproval(Vertx vertx, VertxTestContext testContext) {
    SandboxConfig config = SandboxConfig.defaults(18)
        .withDatabase(SandboxConfig.Database.of("east").withModule("purchase"));
    JsonObject order = new JsonObject().put("partner_id", 9).put("partner_ref", "synthetic-check")
        .put("order_line", lines(new JsonObject().put("product_id", 1).put("name", "Virtual Interior Design")
            .put("product_qty", 1).put("product_uom", 1).put("price_unit", 10.0)));
    long[] created = new long[1];
    run(vertx, config, "east", List.of(
        () -> rpc.call("ir.module.module", "search_count", installed("purchase")),
        () -> rpc.call("purchase.order", "create", order).onSuccess(answer -> created[0] = answer.getLong("result")),
        () -> rpc.call("purchase.order", "button_confirm", ids(created[0])),
        () -> rpc.call("purchase.order", "read", ids(created[0]), new JsonArray().add("name").add("state")),
        () -> rpc.call("purchase.order", "unlink", ids(created[0])),
        () -> rpc.call("purchase.order", "button_cancel", ids(created[0])),
        () -> rpc.call("purchase.order", "unlink", ids(created[0]))))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          assertEquals(1, answers.get(0).getInteger("result"));
          assertEquals(true, answers.get(2).getValue("result"));
          JsonObject read = answers.get(3).getJsonArray("result").getJsonObject(0);
          assertEquals("purchase", read.getString("state"));
          assertTrue(read.getString("name").matches("P\\d{5}"), read.getString("name"));
          assertEquals("In order to delete a purchase order, you must cancel it first.", errorMessage(answers.get(4)));
          assertTrue(!answers.get(5).containsKey("result") && !answers.get(5).containsKey("error"));
          assertEquals(true, answers.get(6).getValue("result"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Where purchase is not installed, the module counts 0 and its model does not exist")
  void purchaseMissing(Vertx vertx, VertxTestContext testContext) {
    run(vertx, SandboxConfig.defaults(16, "north"), "north", List.of(
        () -> rpc.call("ir.module.module", "search_count", installed("purchase")),
        () -> rpc.call("ir.module.module", "search_count", installed("stock")),
        () -> rpc.call("purchase.order", "search", new JsonArray())))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          assertEquals(0, answers.get(0).getInteger("result"));
          assertEquals(1, answers.get(1).getInteger("result"));
          assertEquals("builtins.KeyError", errorName(answers.get(2)));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Generic ORM calls: prefix-operator domains, orders, paging, name_search, fields_get, missing records")
  void genericOrm(Vertx vertx, VertxTestContext testContext) {
    JsonArray eitherName = new JsonArray().add("|")
        .add(new JsonArray().add("name").add("ilike").add("azure"))
        .add(new JsonArray().add("name").add("=like").add("Deco%"));
    JsonArray notCompany = new JsonArray().add("!").add(new JsonArray().add("is_company").add("=").add(true));
    JsonObject byIdDesc = new JsonObject().put("fields", new JsonArray().add("name")).put("order", "id desc")
        .put("limit", 2).put("offset", 1);
    run(vertx, SandboxConfig.defaults(18, "north"), "north", List.of(
        () -> rpc.call("res.partner", "search", eitherName),
        () -> rpc.call("res.partner", "search_count", notCompany),
        () -> rpc.callKw("res.partner", "search_read", new JsonArray().add(domain("is_company", "=", true)), byIdDesc),
        () -> rpc.callKw("res.partner", "name_search", new JsonArray(), new JsonObject().put("name", "Brandon")),
        () -> rpc.callKw("res.partner", "fields_get", new JsonArray().add(new JsonArray().add("parent_id")),
            new JsonObject().put("attributes", new JsonArray().add("type").add("relation"))),
        () -> rpc.call("res.partner", "read", ids(999999999), new JsonArray().add("name")),
        () -> rpc.call("res.partner", "write", ids(999999999), new JsonObject().put("name", "x")),
        () -> rpc.call("res.partner", "write", ids(9), new JsonObject().put("no_such_field", "x")),
        () -> rpc.callKw("res.partner", "search", new JsonArray().add(domain("id", "=", 9)),
            new JsonObject().put("order", "no_such_field")),
        () -> rpc.callKw("res.partner", "search_read", new JsonArray().add(domain("parent_id.name", "=", "Azure Interior")),
            new JsonObject().put("fields", new JsonArray().add("display_name")))))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          assertEquals(new JsonArray().add(15).add(10), answers.get(0).getValue("result"),
              "Azure Interior or Deco..., in display-name order");
          assertEquals(3, answers.get(1).getInteger("result"), "admin, demo and Brandon; OdooBot is archived");
          JsonArray page = answers.get(2).getJsonArray("result");
          assertEquals(List.of(31L, 15L), page.stream().map(row -> ((JsonObject) row).getLong("id")).toList());
          assertEquals(new JsonArray().add(new JsonArray().add(27).add("Azure Interior, Brandon Freeman")),
              answers.get(3).getValue("result"));
          assertEquals(new JsonObject().put("parent_id", new JsonObject().put("type", "many2one").put("relation", "res.partner")),
              answers.get(4).getValue("result"));
          assertEquals(new JsonArray(), answers.get(5).getValue("result"));
          assertEquals("odoo.exceptions.MissingError", errorName(answers.get(6)));
          assertEquals("Invalid field 'no_such_field' on model 'res.partner'", errorMessage(answers.get(7)));
          assertEquals("builtins.ValueError", errorName(answers.get(8)));
          assertEquals("Azure Interior, Brandon Freeman",
              answers.get(9).getJsonArray("result").getJsonObject(0).getString("display_name"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A failing call changes nothing: a create whose line is invalid leaves no record behind")
  void failedCallRollsBack(Vertx vertx, VertxTestContext testContext) {
    JsonObject invoice = new JsonObject().put("move_type", "out_invoice").put("partner_id", 15)
        .put("invoice_line_ids", lines(new JsonObject().put("product_id", 8).put("no_such_field", 1)));
    run(vertx, SandboxConfig.defaults(18, "north"), "north", List.of(
        () -> rpc.call("account.move", "search_count", new JsonArray()),
        () -> rpc.call("account.move", "create", invoice),
        () -> rpc.call("account.move", "search_count", new JsonArray())))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          assertEquals("Invalid field 'no_such_field' on model 'account.move.line'", errorMessage(answers.get(1)));
          assertEquals(answers.get(0).getInteger("result"), answers.get(2).getInteger("result"));
          testContext.completeNow();
        })));
  }
}
