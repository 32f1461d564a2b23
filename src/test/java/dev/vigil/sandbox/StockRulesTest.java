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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class StockRulesTest {
  private static final String DB = "clinic";
  private static final long OFFICE_CHAIR = 5;
  private static final long VENDORS = 4;
  private static final long WH_STOCK = 8;

  private SandboxRpc rpc;

  private Future<SandboxOdoo> sandbox(Vertx vertx, int version) {
    return SandboxOdoo.start(vertx, SandboxConfig.defaults(version, DB).withLatencyScale(0))
        .compose(sandbox -> {
          rpc = new SandboxRpc(vertx, sandbox);
          return rpc.login(DB, "admin", "admin").map(sandbox);
        });
  }

  /** A confirmed and assigned receipt of {@code quantity} office chairs. */
  private Future<Long> readyReceipt(double quantity) {
    JsonObject receipt = new JsonObject().put("picking_type_id", 1).put("location_id", VENDORS)
        .put("location_dest_id", WH_STOCK).put("origin", "synthetic-check")
        .put("move_ids", lines(new JsonObject().put("product_id", OFFICE_CHAIR).put("product_uom_qty", quantity)));
    return rpc.result("stock.picking", "create", receipt)
        .map(id -> ((Number) id).longValue())
        .compose(id -> rpc.result("stock.picking", "action_confirm", ids(id))
            .compose(confirmed -> rpc.result("stock.picking", "action_assign", ids(id)))
            .map(id));
  }

  private Future<Long> firstMove(long picking) {
    return rpc.result("stock.picking", "read", ids(picking), new JsonArray().add("move_ids"))
        .map(read -> ((JsonArray) read).getJsonObject(0).getJsonArray("move_ids").getLong(0));
  }

  private Future<Double> onHand() {
    return rpc.result("product.product", "read", ids(OFFICE_CHAIR), new JsonArray().add("qty_available"))
        .map(read -> ((JsonArray) read).getJsonObject(0).getDouble("qty_available"));
  }

  private Future<String> state(long picking) {
    return rpc.result("stock.picking", "read", ids(picking), new JsonArray().add("state"))
        .map(read -> ((JsonArray) read).getJsonObject(0).getString("state"));
  }

  @Test
  @DisplayName("On 16, validating a receipt with nothing done answers the immediate-transfer wizard, whose process finishes it")
  void immediateTransferOn16(Vertx vertx, VertxTestContext testContext) {
    JsonObject outcome = new JsonObject();
    sandbox(vertx, 16)
        .compose(sandbox -> readyReceipt(1)
            .compose(receipt -> rpc.result("stock.picking", "button_validate", ids(receipt))
                .compose(action -> {
                  outcome.put("action", action);
                  JsonObject context = ((JsonObject) action).getJsonObject("context");
                  return rpc.callKw("stock.immediate.transfer", "create", new JsonArray().add(new JsonObject()),
                      new JsonObject().put("context", context))
                      .compose(SandboxRpc::result)
                      .compose(wizard -> rpc.callKw("stock.immediate.transfer", "process", new JsonArray().add(ids(
                          ((Number) wizard).longValue())), new JsonObject().put("context", context)))
                      .compose(SandboxRpc::result);
                })
                .compose(processed -> {
                  outcome.put("processed", processed);
                  return state(receipt);
                })
                .compose(state -> onHand().map(qty -> outcome.put("state", state).put("qty", qty).put("receipt", receipt))))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          JsonObject action = outcome.getJsonObject("action");
          assertEquals("ir.actions.act_window", action.getString("type"));
          assertEquals("stock.immediate.transfer", action.getString("res_model"));
          assertEquals(new JsonArray().add(outcome.getLong("receipt")),
              action.getJsonObject("context").getJsonArray("button_validate_picking_ids"));
          assertEquals(new JsonArray().add(new JsonArray().add(4).add(outcome.getLong("receipt"))),
              action.getJsonObject("context").getJsonArray("default_pick_ids"));
          assertEquals(true, outcome.getValue("processed"));
          assertEquals("done", outcome.getString("state"));
          assertEquals(101.0, outcome.getDouble("qty"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("On 18, validating a receipt with nothing picked validates everything reserved")
  void validateAllOn18(Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, 18)
        .compose(sandbox -> readyReceipt(3)
            .compose(receipt -> rpc.result("stock.picking", "button_validate", ids(receipt))
                .compose(validated -> state(receipt).map(state -> new JsonArray().add(validated).add(state))))
            .compose(answers -> onHand().map(answers::add))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          assertEquals(new JsonArray().add(true).add("done").add(3.0), answers);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("On 18, a partial quantity answers the backorder wizard; process keeps the rest in a ready backorder")
  void backorderKeptOn18(Vertx vertx, VertxTestContext testContext) {
    JsonObject outcome = new JsonObject();
    sandbox(vertx, 18)
        .compose(sandbox -> readyReceipt(2)
            .compose(receipt -> firstMove(receipt)
                .compose(move -> rpc.result("stock.move", "write", ids(move),
                    new JsonObject().put("quantity", 1).put("picked", true)))
                .compose(written -> rpc.result("stock.picking", "button_validate", ids(receipt)))
                .compose(action -> {
                  outcome.put("action", action);
                  JsonObject context = ((JsonObject) action).getJsonObject("context");
                  return rpc.callKw("stock.backorder.confirmation", "create", new JsonArray().add(new JsonObject()),
                      new JsonObject().put("context", context)).compose(SandboxRpc::result)
                      .compose(wizard -> rpc.callKw("stock.backorder.confirmation", "process",
                          new JsonArray().add(new JsonArray().add(wizard)), new JsonObject().put("context", context)));
                })
                .compose(processed -> state(receipt))
                .compose(state -> rpc.result("stock.picking", "search_read", domain("backorder_id", "=", receipt),
                    new JsonArray().add("state").add("move_ids"))
                    .map(backorders -> outcome.put("state", state).put("backorders", backorders))))
            .compose(ignored -> onHand())
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(qty -> testContext.verify(() -> {
          assertEquals("stock.backorder.confirmation", outcome.getJsonObject("action").getString("res_model"));
          assertEquals("Create Backorder?", outcome.getJsonObject("action").getString("name"));
          assertEquals("done", outcome.getString("state"));
          JsonArray backorders = outcome.getJsonArray("backorders");
          assertEquals(1, backorders.size(), "one backorder");
          assertEquals("assigned", backorders.getJsonObject(0).getString("state"));
          assertEquals(1.0, qty, "only the done unit reached the stock");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A done receipt cannot be cancelled nor deleted; its return brings the stock back")
  void doneReceiptIsReturned(Vertx vertx, VertxTestContext testContext) {
    JsonObject outcome = new JsonObject();
    JsonObject activeContext = new JsonObject().put("active_model", "stock.picking");
    sandbox(vertx, 18)
        .compose(sandbox -> readyReceipt(1)
            .compose(receipt -> rpc.result("stock.picking", "button_validate", ids(receipt))
                .compose(done -> rpc.call("stock.picking", "action_cancel", ids(receipt)))
                .compose(cancel -> rpc.call("stock.picking", "unlink", ids(receipt))
                    .map(unlink -> outcome.put("cancel", cancel).put("unlink", unlink)))
                .compose(refused -> firstMove(receipt))
                .compose(move -> {
                  JsonObject context = activeContext.copy().put("active_id", receipt).put("active_ids", ids(receipt));
                  JsonObject wizard = new JsonObject().put("picking_id", receipt).put("product_return_moves",
                      lines(new JsonObject().put("product_id", OFFICE_CHAIR).put("quantity", 1).put("move_id", move)));
                  return rpc.callKw("stock.return.picking", "create", new JsonArray().add(wizard),
                      new JsonObject().put("context", context)).compose(SandboxRpc::result)
                      .compose(id -> rpc.callKw("stock.return.picking", "action_create_returns",
                          new JsonArray().add(new JsonArray().add(id)), new JsonObject().put("context", context)))
                      .compose(SandboxRpc::result);
                })
                .compose(action -> {
                  outcome.put("action", action);
                  long returned = ((JsonObject) action).getLong("res_id");
                  return rpc.result("stock.picking", "button_validate", ids(returned))
                      .compose(validated -> rpc.result("stock.picking", "read", ids(returned),
                          new JsonArray().add("state").add("picking_type_code").add("location_dest_id")));
                }))
            .compose(returned -> onHand().map(qty -> outcome.put("returned", returned).put("qty", qty)))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(done -> testContext.verify(() -> {
          assertEquals("odoo.exceptions.UserError", errorName(outcome.getJsonObject("cancel")));
          assertEquals("odoo.exceptions.UserError", errorName(outcome.getJsonObject("unlink")));
          assertTrue(errorMessage(outcome.getJsonObject("unlink")).contains("picking is done"));
          assertEquals("stock.picking", outcome.getJsonObject("action").getString("res_model"));
          JsonObject returned = outcome.getJsonArray("returned").getJsonObject(0);
          assertEquals("done", returned.getString("state"));
          assertEquals("outgoing", returned.getString("picking_type_code"));
          assertEquals(VENDORS, returned.getJsonArray("location_dest_id").getLong(0));
          assertEquals(0.0, outcome.getDouble("qty"), "net zero");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A receipt that never got done is cancelled and deleted with its moves")
  void unfinishedReceiptIsDeleted(Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, 16)
        .compose(sandbox -> readyReceipt(1)
            .compose(receipt -> firstMove(receipt)
                .compose(move -> rpc.result("stock.picking", "action_cancel", ids(receipt))
                    .compose(cancelled -> rpc.result("stock.picking", "unlink", ids(receipt)))
                    .compose(deleted -> rpc.result("stock.move", "search_count", domain("id", "=", move)))))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(count -> testContext.verify(() -> {
          assertEquals(0, count);
          testContext.completeNow();
        })));
  }
}
