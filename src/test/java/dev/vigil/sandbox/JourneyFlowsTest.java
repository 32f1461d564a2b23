package dev.vigil.sandbox;

import static dev.vigil.sandbox.SandboxRpc.domain;
import static dev.vigil.sandbox.SandboxRpc.ids;
import static dev.vigil.sandbox.SandboxRpc.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in journeys ({@code journeys/*.yaml}), step by step as the journey language turns
 * them into calls ({@code ensure} = search then create, {@code action} = method on ids,
 * {@code follow} = create the wizard with the action's context and call its method,
 * {@code require_modules} = {@code ir.module.module.search_count}), on every version the sandbox
 * speaks, twice in a row: a journey must leave the database as it found it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class JourneyFlowsTest {
  private static final String DB = "clinic";
  private static final JsonObject FOLLOW = new JsonObject()
      .put("stock.immediate.transfer", "process").put("stock.backorder.confirmation", "process_cancel_backorder");

  private SandboxRpc rpc;

  private Future<SandboxOdoo> sandbox(Vertx vertx, int version) {
    SandboxConfig config = SandboxConfig.defaults(version)
        .withDatabase(SandboxConfig.Database.of(DB).withModule("purchase")).withLatencyScale(0);
    return SandboxOdoo.start(vertx, config).map(sandbox -> {
      rpc = new SandboxRpc(vertx, sandbox);
      return sandbox;
    });
  }

  private static <T> T check(boolean holds, String what, T value) {
    if (!holds) {
      throw new AssertionError(what + ", got " + value);
    }
    return value;
  }

  private Future<JsonArray> searchRead(String model, JsonArray domain, JsonArray fields, String order) {
    JsonObject kwargs = new JsonObject().put("fields", fields).put("limit", 1);
    if (order != null) {
      kwargs.put("order", order);
    }
    return rpc.callKw(model, "search_read", new JsonArray().add(domain), kwargs)
        .compose(SandboxRpc::result).map(JsonArray.class::cast)
        .map(found -> check(!found.isEmpty(), model + " found", found));
  }

  private static JsonArray fields(String... names) {
    return new JsonArray(java.util.List.of((Object[]) names));
  }

  /** {@code action} with {@code follow}: the method, then any wizard it answers, up to 5 times. */
  private Future<Object> actionFollowing(String model, String method, JsonArray recordIds, int depth) {
    return rpc.result(model, method, recordIds).compose(result -> {
      if (depth < 5 && result instanceof JsonObject action && "ir.actions.act_window".equals(action.getString("type"))
          && FOLLOW.containsKey(action.getString("res_model"))) {
        String wizard = action.getString("res_model");
        JsonObject context = new JsonObject().put("context", action.getJsonObject("context"));
        return rpc.callKw(wizard, "create", new JsonArray().add(new JsonObject()), context).compose(SandboxRpc::result)
            .compose(id -> rpc.callKw(wizard, FOLLOW.getString(wizard), new JsonArray().add(new JsonArray().add(id)),
                context).compose(SandboxRpc::result));
      }
      return Future.succeededFuture(result);
    });
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 17, 18, 19})
  @DisplayName("login and health: log in, read the own user, check /web/health and the version")
  void loginAndHealth(int version, Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, version).compose(sandbox -> rpc.login(DB, "admin", "admin")
        .map(login -> login.getJsonObject("result").getLong("uid"))
        .compose(uid -> rpc.result("res.users", "read", ids(uid), fields("login", "name"))
            .map(read -> check(((JsonArray) read).getJsonObject(0).getLong("id").equals(uid), "own user", read)))
        .compose(read -> rpc.plain().get("/web/health").send())
        .map(health -> check(health.bodyAsJsonObject().getString("status").equals("pass"), "pass", health.bodyAsString()))
        .compose(health -> rpc.rpc("/web/webclient/version_info", new JsonObject()))
        .map(info -> info.getJsonObject("result").getJsonArray("server_version_info").getInteger(0))
        .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(major -> testContext.verify(() -> {
          assertEquals(version, major);
          testContext.completeNow();
        })));
  }

  private Future<String> invoicePosting(String today) {
    JsonArray vsyn = domain("code", "=", "VSYN");
    Future<Object> journal = rpc.callKw("account.journal", "search", new JsonArray().add(vsyn),
        new JsonObject().put("limit", 1)).compose(SandboxRpc::result).compose(found -> ((JsonArray) found).isEmpty()
            ? rpc.result("account.journal", "create",
                new JsonObject().put("name", "Synthetic checks (Vigil)").put("code", "VSYN").put("type", "sale"))
            : Future.succeededFuture(((JsonArray) found).getValue(0)));
    return journal.compose(journalId -> searchRead("res.partner", domain("name", "=", "Azure Interior"), fields("id", "name"), null)
        .compose(partner -> searchRead("product.product", new JsonArray()
                .add(new JsonArray().add("sale_ok").add("=").add(true))
                .add(new JsonArray().add("default_code").add("=").add("FURN_7800")), fields("id", "display_name"), null)
            .compose(product -> rpc.result("account.move", "create", new JsonObject()
                .put("move_type", "out_invoice").put("journal_id", journalId)
                .put("partner_id", partner.getJsonObject(0).getLong("id")).put("invoice_date", today)
                .put("ref", "synthetic-check run-1")
                .put("invoice_line_ids", lines(new JsonObject().put("product_id", product.getJsonObject(0).getLong("id"))
                    .put("quantity", 1).put("price_unit", 100.0)))))))
        .compose(invoice -> rpc.result("account.move", "action_post", new JsonArray().add(invoice))
            .compose(posted -> rpc.result("account.move", "read", new JsonArray().add(invoice), fields("name", "state", "move_type")))
            .map(read -> check(((JsonArray) read).getJsonObject(0).getString("state").equals("posted")
                && ((JsonArray) read).getJsonObject(0).getString("name").matches(".*\\d+$"), "posted and numbered", read))
            .compose(read -> rpc.result("account.move", "button_draft", new JsonArray().add(invoice)).map(read))
            .compose(read -> rpc.result("account.move", "unlink", new JsonArray().add(invoice))
                .map(deleted -> ((JsonArray) read).getJsonObject(0).getString("name"))));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 17, 18, 19})
  @DisplayName("invoice-posting: ensure the VSYN journal, post an invoice, check its number, reset and delete it; twice")
  void invoicePostingJourney(int version, Vertx vertx, VertxTestContext testContext) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    sandbox(vertx, version).compose(sandbox -> rpc.login(DB, "admin", "admin")
        .compose(login -> invoicePosting(today))
        .compose(first -> invoicePosting(today).map(second -> new JsonArray().add(first).add(second)))
        .compose(names -> rpc.result("account.journal", "search_count", domain("code", "=", "VSYN"))
            .map(journals -> names.add(journals)))
        .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(outcome -> testContext.verify(() -> {
          String number = "VSYN/" + today.substring(0, 4) + "/00001";
          assertEquals(new JsonArray().add(number).add(number).add(1), outcome,
              "the deleted invoice frees its number; the journal is created once");
          testContext.completeNow();
        })));
  }

  private Future<Double> stockMove(int version) {
    JsonArray storable = version < 18 ? domain("detailed_type", "=", "product") : domain("is_storable", "=", true);
    return searchRead("stock.picking.type", domain("code", "=", "incoming"), fields("id", "default_location_dest_id"), "id")
        .compose(type -> searchRead("stock.location", domain("usage", "=", "supplier"), fields("id"), "id")
            .compose(vendor -> searchRead("product.product", storable, fields("id", "display_name", "uom_id"), "id")
                .compose(product -> {
                  long stock = type.getJsonObject(0).getJsonArray("default_location_dest_id").getLong(0);
                  long vendorId = vendor.getJsonObject(0).getLong("id");
                  JsonObject item = product.getJsonObject(0);
                  JsonObject move = new JsonObject().put("name", item.getString("display_name"))
                      .put("product_id", item.getLong("id")).put("product_uom_qty", 1)
                      .put("product_uom", item.getJsonArray("uom_id").getLong(0))
                      .put("location_id", vendorId).put("location_dest_id", stock);
                  return rpc.result("stock.picking", "create", new JsonObject()
                          .put("picking_type_id", type.getJsonObject(0).getLong("id")).put("location_id", vendorId)
                          .put("location_dest_id", stock).put("origin", "synthetic-check run-1").put("move_ids", lines(move)))
                      .compose(receipt -> receive(version, (Number) receipt))
                      .compose(receipt -> giveBack(version, receipt, vendorId, item));
                })))
        .compose(returned -> rpc.result("product.product", "read", ids(5), fields("qty_available")))
        .map(read -> ((JsonArray) read).getJsonObject(0).getDouble("qty_available"));
  }

  private Future<Long> receive(int version, Number receiptId) {
    JsonArray receipt = new JsonArray().add(receiptId);
    JsonObject done = version < 17 ? new JsonObject().put("quantity_done", 1)
        : new JsonObject().put("quantity", 1).put("picked", true);
    return rpc.result("stock.picking", "action_confirm", receipt)
        .compose(confirmed -> rpc.result("stock.picking", "action_assign", receipt))
        .compose(assigned -> rpc.result("stock.picking", "read", receipt, fields("move_ids")))
        .compose(read -> rpc.result("stock.move", "write", ((JsonArray) read).getJsonObject(0).getJsonArray("move_ids"), done))
        .compose(written -> actionFollowing("stock.picking", "button_validate", receipt, 0))
        .compose(validated -> rpc.result("stock.picking", "read", receipt, fields("name", "state")))
        .map(read -> check(((JsonArray) read).getJsonObject(0).getString("state").equals("done"), "receipt done", read))
        .map(read -> receiptId.longValue());
  }

  private Future<Object> giveBack(int version, long receipt, long vendor, JsonObject product) {
    JsonObject context = new JsonObject().put("context", new JsonObject().put("active_id", receipt)
        .put("active_ids", ids(receipt)).put("active_model", "stock.picking"));
    return rpc.result("stock.picking", "read", ids(receipt), fields("move_ids"))
        .compose(read -> {
          long move = ((JsonArray) read).getJsonObject(0).getJsonArray("move_ids").getLong(0);
          JsonObject wizard = new JsonObject().put("picking_id", receipt).put("product_return_moves", lines(new JsonObject()
              .put("product_id", product.getLong("id")).put("quantity", 1).put("move_id", move)
              .put("uom_id", product.getJsonArray("uom_id").getLong(0))));
          if (version < 17) {
            wizard.put("location_id", vendor);
          }
          return rpc.callKw("stock.return.picking", "create", new JsonArray().add(wizard), context)
              .compose(SandboxRpc::result);
        })
        .compose(wizard -> rpc.callKw("stock.return.picking", version < 18 ? "create_returns" : "action_create_returns",
            new JsonArray().add(new JsonArray().add(wizard)), context).compose(SandboxRpc::result))
        .compose(action -> {
          JsonArray returned = ids(((JsonObject) action).getLong("res_id"));
          return rpc.result("stock.picking", "action_confirm", returned)
              .compose(confirmed -> rpc.result("stock.picking", "action_assign", returned))
              .compose(assigned -> actionFollowing("stock.picking", "button_validate", returned, 0))
              .compose(validated -> rpc.result("stock.picking", "read", returned, fields("state")))
              .map(read -> check(((JsonArray) read).getJsonObject(0).getString("state").equals("done"), "return done", read));
        });
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 17, 18, 19})
  @DisplayName("stock-move: receive one storable unit, validate through any wizard, return it; stock unchanged; twice")
  void stockMoveJourney(int version, Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, version).compose(sandbox -> rpc.login(DB, "admin", "admin")
        .compose(login -> rpc.result("product.product", "read", ids(5), fields("qty_available")))
        .compose(before -> stockMove(version).compose(once -> stockMove(version))
            .map(after -> new JsonArray().add(((JsonArray) before).getJsonObject(0).getDouble("qty_available")).add(after)))
        .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(quantities -> testContext.verify(() -> {
          assertEquals(quantities.getDouble(0), quantities.getDouble(1), "net zero");
          testContext.completeNow();
        })));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 17, 18, 19})
  @DisplayName("purchase-approval: check the module, order from Wood Corner, confirm, then cancel and delete")
  void purchaseApprovalJourney(int version, Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, version).compose(sandbox -> rpc.login(DB, "demo", "demo")
        .compose(login -> rpc.result("ir.module.module", "search_count", new JsonArray()
            .add(new JsonArray().add("name").add("=").add("purchase"))
            .add(new JsonArray().add("state").add("=").add("installed"))))
        .map(count -> check(((Number) count).intValue() == 1, "purchase installed", count))
        .compose(installed -> searchRead("res.partner", domain("name", "=", "Wood Corner"), fields("id"), null))
        .compose(vendor -> searchRead("product.product", domain("purchase_ok", "=", true),
                fields("id", "display_name", "uom_po_id"), "id")
            .compose(product -> rpc.result("purchase.order", "create", new JsonObject()
                .put("partner_id", vendor.getJsonObject(0).getLong("id")).put("partner_ref", "synthetic-check run-1")
                .put("order_line", lines(new JsonObject().put("product_id", product.getJsonObject(0).getLong("id"))
                    .put("name", product.getJsonObject(0).getString("display_name")).put("product_qty", 1)
                    .put("product_uom", product.getJsonObject(0).getJsonArray("uom_po_id").getLong(0))
                    .put("price_unit", 10.0))))))
        .compose(order -> rpc.result("purchase.order", "button_confirm", new JsonArray().add(order))
            .compose(confirmed -> rpc.result("purchase.order", "read", new JsonArray().add(order), fields("name", "state")))
            .compose(read -> rpc.call("purchase.order", "button_cancel", new JsonArray().add(order))
                .compose(cancelled -> rpc.result("purchase.order", "unlink", new JsonArray().add(order)))
                .map(deleted -> ((JsonArray) read).getJsonObject(0).getString("state"))))
        .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(state -> testContext.verify(() -> {
          assertEquals("purchase", state);
          testContext.completeNow();
        })));
  }
}
