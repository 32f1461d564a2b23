package dev.vigil.sandbox;

import static dev.vigil.sandbox.SandboxRpc.domain;
import static dev.vigil.sandbox.SandboxRpc.errorMessage;
import static dev.vigil.sandbox.SandboxRpc.errorName;
import static dev.vigil.sandbox.SandboxRpc.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each version refuses the field names and methods of the others, as the recordings show. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class VersionDialectTest {
  private static final String DB = "clinic";

  private SandboxRpc rpc;

  private Future<List<JsonObject>> answers(Vertx vertx, int version, List<Call> calls) {
    return SandboxOdoo.start(vertx, SandboxConfig.defaults(version, DB).withLatencyScale(0)).compose(sandbox -> {
      rpc = new SandboxRpc(vertx, sandbox);
      Future<List<JsonObject>> all = rpc.login(DB, "admin", "admin").map(login -> new java.util.ArrayList<>());
      for (Call call : calls) {
        all = all.compose(list -> rpc.callKw(call.model(), call.method(), call.args(), new JsonObject())
            .map(answer -> {
              list.add(answer);
              return list;
            }));
      }
      return all.eventually(sandbox::stop);
    });
  }

  private record Call(String model, String method, JsonArray args) {}

  @ParameterizedTest(name = "Odoo {0}: storable by {1}, done quantity in {2}")
  @CsvSource({"16, detailed_type, quantity_done", "17, detailed_type, quantity", "18, is_storable, quantity",
      "19, is_storable, quantity"})
  @DisplayName("A version finds storable products and sets done quantities with its own fields only")
  void fieldsOfTheVersion(int version, String storableField, String doneField, Vertx vertx,
      VertxTestContext testContext) {
    Object storable = storableField.equals("is_storable") ? (Object) true : "product";
    String otherStorable = storableField.equals("is_storable") ? "detailed_type" : "is_storable";
    String otherDone = doneField.equals("quantity") ? "quantity_done" : "quantity";
    List<Call> calls = List.of(
        new Call("product.product", "search", new JsonArray().add(domain(storableField, "=", storable)).add(0).add(1)
            .add("id")),
        new Call("product.product", "search", new JsonArray().add(domain(otherStorable, "=", "x"))),
        new Call("product.product", "read", new JsonArray().add(ids(5)).add(new JsonArray().add(otherStorable))),
        new Call("stock.move", "write", new JsonArray().add(ids()).add(new JsonObject().put(doneField, 1))),
        new Call("stock.move", "write", new JsonArray().add(ids()).add(new JsonObject().put(otherDone, 1))));
    answers(vertx, version, calls).onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
      assertEquals(new JsonArray().add(5), answers.get(0).getValue("result"), "office chair is the first storable");
      assertEquals("builtins.ValueError", errorName(answers.get(1)));
      assertEquals("Invalid field product.product." + otherStorable + " in leaf ('" + otherStorable + "', '=', 'x')",
          errorMessage(answers.get(1)));
      assertEquals("Invalid field '" + otherStorable + "' on model 'product.product'", errorMessage(answers.get(2)));
      assertEquals(true, answers.get(3).getValue("result"));
      assertEquals("Invalid field '" + otherDone + "' on model 'stock.move'", errorMessage(answers.get(4)));
      testContext.completeNow();
    })));
  }

  @ParameterizedTest(name = "Odoo {0}: {1} exists, {2} does not")
  @CsvSource({"16, create_returns, action_create_returns", "17, create_returns, action_create_returns",
      "18, action_create_returns, create_returns"})
  @DisplayName("The return wizard's method of one version is an AttributeError on the other")
  void returnWizardMethod(int version, String present, String absent, Vertx vertx, VertxTestContext testContext) {
    List<Call> calls = List.of(
        new Call("stock.return.picking", present, new JsonArray().add(ids(999))),
        new Call("stock.return.picking", absent, new JsonArray().add(ids(999))));
    answers(vertx, version, calls).onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
      assertEquals("odoo.exceptions.MissingError", errorName(answers.get(0)), "the method exists: the wizard does not");
      assertEquals("builtins.AttributeError", errorName(answers.get(1)));
      assertEquals("The method '" + absent + "' does not exist on the model 'stock.return.picking'",
          errorMessage(answers.get(1)));
      testContext.completeNow();
    })));
  }

  @ParameterizedTest(name = "Odoo {0}")
  @CsvSource({"16, builtins.KeyError, builtins.AttributeError", "18, werkzeug.exceptions.NotFound, builtins.TypeError"})
  @DisplayName("Models and API methods that only exist in another version are errors of this version's kind")
  void apiSurface(int version, String immediateTransfer, String specification, Vertx vertx,
      VertxTestContext testContext) {
    List<Call> calls = List.of(
        new Call("no.such.model", "search", new JsonArray().add(new JsonArray())),
        new Call("res.partner", "web_read", new JsonArray().add(ids(1))));
    answers(vertx, version, calls).onComplete(testContext.succeeding(answers -> testContext.verify(() -> {
      assertEquals(immediateTransfer, errorName(answers.get(0)));
      String webRead = answers.get(1).containsKey("result") ? "result" : errorName(answers.get(1));
      assertEquals(version == 16 ? "builtins.AttributeError" : "result", webRead);
      testContext.completeNow();
    })));
  }
}
