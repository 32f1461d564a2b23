package dev.vigil.sandbox;

import static dev.vigil.sandbox.SandboxRpc.domain;
import static dev.vigil.sandbox.SandboxRpc.errorMessage;
import static dev.vigil.sandbox.SandboxRpc.errorName;
import static dev.vigil.sandbox.SandboxRpc.ids;
import static dev.vigil.sandbox.SandboxRpc.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class InvoiceRulesTest {
  private static final String DB = "clinic";
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-20T21:59:10Z"));

  private SandboxRpc rpc;

  private Future<SandboxOdoo> sandbox(Vertx vertx, int version, String login, String password) {
    return SandboxOdoo.start(vertx, SandboxConfig.defaults(version, DB).withLatencyScale(0), CLOCK)
        .compose(sandbox -> {
          rpc = new SandboxRpc(vertx, sandbox);
          return rpc.login(DB, login, password).map(sandbox);
        });
  }

  private Future<Long> postedInvoice(double price) {
    JsonObject values = new JsonObject().put("move_type", "out_invoice").put("partner_id", 15)
        .put("invoice_date", "2026-11-20")
        .put("invoice_line_ids", lines(new JsonObject().put("product_id", 8).put("quantity", 1).put("price_unit", price)));
    return rpc.result("account.move", "create", values)
        .map(id -> ((Number) id).longValue())
        .compose(id -> rpc.result("account.move", "action_post", ids(id)).map(id));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 18})
  @DisplayName("Posting an invoice without customer or lines is a UserError: 16 names the first problem, 18 all")
  void emptyInvoiceIsRefused(int version, Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, version, "admin", "admin")
        .compose(sandbox -> rpc.result("account.move", "create", new JsonObject().put("move_type", "out_invoice"))
            .compose(id -> rpc.call("account.move", "action_post", ids(((Number) id).longValue())))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(answer -> testContext.verify(() -> {
          assertEquals("odoo.exceptions.UserError", errorName(answer));
          String customer = "The field 'Customer' is required, please complete it to validate the Customer Invoice.";
          assertEquals(version == 16 ? customer : customer + "\nYou need to add a line before posting.",
              errorMessage(answer));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A dedicated journal found or created by code numbers its invoices VSYN/<year>/00001, 00002")
  void dedicatedJournalHasItsOwnChain(Vertx vertx, VertxTestContext testContext) {
    JsonObject journal = new JsonObject().put("name", "Synthetic checks (Vigil)").put("code", "VSYN").put("type", "sale");
    JsonObject invoice = new JsonObject().put("move_type", "out_invoice").put("partner_id", 15)
        .put("invoice_date", "2026-11-20")
        .put("invoice_line_ids", lines(new JsonObject().put("product_id", 8).put("price_unit", 100.0)));
    sandbox(vertx, 18, "admin", "admin")
        .compose(sandbox -> rpc.result("account.journal", "search", domain("code", "=", "VSYN"))
            .compose(found -> {
              assertTrue(((JsonArray) found).isEmpty(), "no VSYN journal in the demo data");
              return rpc.result("account.journal", "create", journal);
            })
            .compose(journalId -> {
              JsonObject values = invoice.copy().put("journal_id", journalId);
              return rpc.result("account.move", "create", values)
                  .compose(first -> rpc.result("account.move", "action_post", new JsonArray().add(first)).map(first))
                  .compose(first -> rpc.result("account.move", "create", values.copy())
                      .compose(second -> rpc.result("account.move", "action_post", new JsonArray().add(second))
                          .map(posted -> new JsonArray().add(first).add(second))));
            })
            .compose(both -> rpc.result("account.move", "read", both, new JsonArray().add("name").add("state")))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(read -> testContext.verify(() -> {
          JsonArray moves = (JsonArray) read;
          assertEquals("VSYN/2026/00001", moves.getJsonObject(0).getString("name"));
          assertEquals("VSYN/2026/00002", moves.getJsonObject(1).getString("name"));
          assertEquals("posted", moves.getJsonObject(1).getString("state"));
          testContext.completeNow();
        })));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 18})
  @DisplayName("A posted invoice cannot be deleted; reset to draft it can, and deleted it is gone")
  void postedInvoiceIsNotDeleted(int version, Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, version, "admin", "admin")
        .compose(sandbox -> postedInvoice(100.0)
            .compose(id -> rpc.call("account.move", "unlink", ids(id))
                .compose(refused -> rpc.call("account.move", "button_draft", ids(id))
                    .compose(reset -> rpc.call("account.move", "unlink", ids(id)))
                    .compose(deleted -> rpc.result("account.move", "search_count", domain("id", "=", id))
                        .map(count -> new JsonArray().add(refused).add(deleted).add(count)))))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          JsonObject refused = answers.getJsonObject(0);
          assertEquals("odoo.exceptions.UserError", errorName(refused));
          assertEquals("You cannot delete an item linked to a posted entry.", errorMessage(refused));
          assertEquals(true, answers.getJsonObject(1).getValue("result"));
          assertEquals(0, answers.getInteger(2));
          testContext.completeNow();
        })));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @ValueSource(ints = {16, 18})
  @DisplayName("Deleting a reset invoice that is not the last of its chain: 18 refuses a non-administrator, 16 lets it go")
  void chainRuleFollowsTheVersion(int version, Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, version, "demo", "demo")
        .compose(sandbox -> postedInvoice(10.0)
            .compose(first -> postedInvoice(10.0)
                .compose(second -> rpc.call("account.move", "button_draft", ids(first)))
                .compose(reset -> rpc.call("account.move", "unlink", ids(first))))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(answer -> testContext.verify(() -> {
          if (version == 18) {
            assertEquals("odoo.exceptions.UserError", errorName(answer));
            assertTrue(errorMessage(answer).contains("is not the last one in the chain"), errorMessage(answer));
          } else {
            assertEquals(true, answer.getValue("result"));
          }
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("On 18 an administrator may delete an entry inside the chain; cancelling needs no deletion at all")
  void administratorAndCancel(Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, 18, "admin", "admin")
        .compose(sandbox -> postedInvoice(10.0)
            .compose(first -> postedInvoice(10.0).compose(second -> rpc.call("account.move", "button_cancel", ids(second))
                .compose(cancelled -> rpc.call("account.move", "button_cancel", ids(second)))
                .compose(again -> rpc.call("account.move", "button_draft", ids(first))
                    .compose(reset -> rpc.call("account.move", "unlink", ids(first)))
                    .compose(deleted -> rpc.result("account.move", "read", ids(second), new JsonArray().add("state"))
                        .map(read -> new JsonArray().add(again).add(deleted).add(read))))))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          assertEquals("Only draft journal entries can be cancelled.", errorMessage(answers.getJsonObject(0)));
          assertEquals(true, answers.getJsonObject(1).getValue("result"));
          assertEquals("cancel", answers.getJsonArray(2).getJsonObject(0).getString("state"));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Resetting a draft to draft is refused; button_draft answers no result key")
  void resetNeedsPostedOrCancelled(Vertx vertx, VertxTestContext testContext) {
    sandbox(vertx, 18, "admin", "admin")
        .compose(sandbox -> postedInvoice(10.0)
            .compose(id -> rpc.call("account.move", "button_draft", ids(id))
                .compose(first -> rpc.call("account.move", "button_draft", ids(id))
                    .map(second -> new JsonArray().add(first).add(second))))
            .eventually(sandbox::stop))
        .onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
          JsonObject first = answers.getJsonObject(0);
          assertFalse(first.containsKey("result"), "None has no result key");
          assertFalse(first.containsKey("error"));
          assertEquals("Only posted/cancelled journal entries can be reset to draft.",
              errorMessage(answers.getJsonObject(1)));
          testContext.completeNow();
        })));
  }
}
