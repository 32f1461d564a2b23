package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.dialect.MoveQuantities;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The life of a transfer ({@code stock.picking}), shared by its buttons and the stock wizards:
 * confirm (moves from outside the warehouse need no reservation and become ready), assign
 * (reserve what the source location holds), validate (done, or the action of the wizard to go
 * through: immediate transfer on 16 when nothing is done, backorder confirmation when less is
 * done than demanded), mark done (moving stock between the quants, keeping or cancelling what was
 * not done), cancel. The picking's state follows its moves' states.
 */
final class Transfers {
  private Transfers() {}

  /** The moves of a transfer, in id order. */
  static List<Record> moves(Model pickings, Record picking) {
    Store store = pickings.env().store();
    return store.children(pickings.schema().field("move_ids").orElseThrow(), picking.id());
  }

  /** draft → confirmed; moves that need no reservation become ready at once. */
  static void confirm(Model pickings, Record picking) {
    if (!"draft".equals(picking.string("state"))) {
      return;
    }
    MoveQuantities quantities = pickings.env().dialect().moveQuantities();
    for (Record move : moves(pickings, picking)) {
      if ("draft".equals(move.string("state"))) {
        move.set("state", "confirmed");
        if (bypassesReservation(pickings, move)) {
          move.set("state", "assigned");
          quantities.reserve(move);
        }
      }
    }
    refreshState(pickings, picking);
  }

  /** Reserves the moves whose source holds enough (confirming a draft first). */
  static void assign(Model pickings, Record picking) {
    confirm(pickings, picking);
    MoveQuantities quantities = pickings.env().dialect().moveQuantities();
    for (Record move : moves(pickings, picking)) {
      if (("confirmed".equals(move.string("state")) || "partially_available".equals(move.string("state")))
          && (bypassesReservation(pickings, move) || onHand(pickings, move) >= move.number("product_uom_qty"))) {
        move.set("state", "assigned");
        quantities.reserve(move);
      }
    }
    refreshState(pickings, picking);
  }

  /** {@code button_validate}: true when done, else the action of the wizard to go through. */
  static Object validate(Model pickings, List<Record> records) {
    Dialect dialect = pickings.env().dialect();
    MoveQuantities quantities = dialect.moveQuantities();
    List<Record> moves = new ArrayList<>();
    for (Record picking : records) {
      if ("done".equals(picking.string("state")) || "cancel".equals(picking.string("state"))) {
        throw OdooErrors.userError("You cannot validate a transfer that is done or cancelled.");
      }
      confirm(pickings, picking);
      moves.addAll(moves(pickings, picking).stream().filter(move -> !"cancel".equals(move.string("state"))).toList());
    }
    if (!quantities.anyDone(moves)) {
      if (dialect.offersImmediateTransfer()) {
        return wizardAction(pickings, "stock.immediate.transfer", "Immediate Transfer?", records);
      }
      moves.forEach(quantities::markAllDone);
      if (moves.stream().allMatch(move -> quantities.done(move) <= 0)) {
        throw OdooErrors.userError("You cannot validate a transfer if no quantities are reserved nor done. You can"
            + " use the info button on the top right corner of your screen to learn more.");
      }
    }
    if (moves.stream().anyMatch(move -> quantities.done(move) < move.number("product_uom_qty"))) {
      return wizardAction(pickings, "stock.backorder.confirmation", "Create Backorder?", records);
    }
    records.forEach(picking -> markDone(pickings, picking, false));
    return true;
  }

  /**
   * Makes a transfer done with the quantities done: stock moves into the destination, what was
   * not done goes to a new backorder transfer ({@code keepBackorder}) or is cancelled.
   */
  static void markDone(Model pickings, Record picking, boolean keepBackorder) {
    MoveQuantities quantities = pickings.env().dialect().moveQuantities();
    Model moveModel = pickings.model("stock.move");
    List<Record> remainders = new ArrayList<>();
    for (Record move : moves(pickings, picking)) {
      String state = move.string("state");
      if ("done".equals(state) || "cancel".equals(state)) {
        continue;
      }
      double done = quantities.done(move);
      double demand = move.number("product_uom_qty");
      if (done <= 0) {
        remainders.add(move);
        continue;
      }
      if (done < demand) {
        long split = moveModel.create(new JsonObject()
            .put("name", move.string("name")).put("product_id", move.ref("product_id"))
            .put("product_uom_qty", demand - done).put("product_uom", move.ref("product_uom"))
            .put("location_id", move.ref("location_id")).put("location_dest_id", move.ref("location_dest_id"))
            .put("picking_id", picking.id()).put("state", "confirmed"));
        remainders.add(moveModel.record(split));
        move.set("product_uom_qty", done);
      }
      move.set("state", "done");
      move.set("date", pickings.env().now());
      addQuant(pickings, move.ref("product_id"), move.ref("location_id"), -done);
      addQuant(pickings, move.ref("product_id"), move.ref("location_dest_id"), done);
    }
    if (keepBackorder && !remainders.isEmpty()) {
      backorder(pickings, picking, remainders);
    } else {
      remainders.forEach(move -> move.set("state", "cancel"));
    }
    picking.set("state", "done");
    picking.set("date_done", pickings.env().now());
  }

  private static void backorder(Model pickings, Record picking, List<Record> remainders) {
    long id = pickings.create(new JsonObject()
        .put("picking_type_id", picking.ref("picking_type_id"))
        .put("location_id", picking.ref("location_id"))
        .put("location_dest_id", picking.ref("location_dest_id"))
        .put("partner_id", picking.ref("partner_id"))
        .put("origin", picking.string("origin"))
        .put("backorder_id", picking.id()));
    Record backorder = pickings.record(id);
    remainders.forEach(move -> {
      move.set("picking_id", id);
      move.set("state", "draft");
    });
    assign(pickings, backorder);
  }

  static void cancel(Model pickings, Record picking) {
    if ("done".equals(picking.string("state"))) {
      throw OdooErrors.userError("You cannot cancel a stock move that has been set to 'Done'. Create a return in"
          + " order to reverse the moves which took place.");
    }
    moves(pickings, picking).forEach(move -> move.set("state", "cancel"));
    picking.set("state", "cancel");
  }

  /** The wizard action {@code button_validate} answers with (shape as recorded). */
  private static JsonObject wizardAction(Model pickings, String wizard, String title, List<Record> records) {
    int view = pickings.env().dialect().wizardViewId(wizard);
    JsonArray ids = new JsonArray();
    JsonArray links = new JsonArray();
    records.forEach(picking -> {
      ids.add(picking.id());
      links.add(new JsonArray().add(4).add(picking.id()));
    });
    return new JsonObject()
        .put("name", title)
        .put("type", "ir.actions.act_window")
        .put("view_mode", "form")
        .put("res_model", wizard)
        .put("views", new JsonArray().add(new JsonArray().add(view).add("form")))
        .put("view_id", view)
        .put("target", "new")
        .put("context", new JsonObject()
            .put("button_validate_picking_ids", ids)
            .put("default_show_transfers", records.size() > 1)
            .put("default_pick_ids", links));
  }

  /** The picking's state from its moves' states. */
  private static void refreshState(Model pickings, Record picking) {
    List<String> states = moves(pickings, picking).stream().map(move -> move.string("state")).toList();
    List<String> open = states.stream().filter(state -> !"cancel".equals(state)).toList();
    if (states.isEmpty()) {
      return;
    }
    String state;
    if (open.isEmpty()) {
      state = "cancel";
    } else if (open.stream().allMatch("done"::equals)) {
      state = "done";
    } else if (open.contains("draft")) {
      state = "draft";
    } else if (open.stream().allMatch("assigned"::equals)) {
      state = "assigned";
    } else {
      state = "confirmed";
    }
    picking.set("state", state);
  }

  private static boolean bypassesReservation(Model pickings, Record move) {
    String usage = pickings.model("stock.location").record(move.ref("location_id")).string("usage");
    return !"internal".equals(usage) && !"transit".equals(usage);
  }

  private static double onHand(Model pickings, Record move) {
    return quantAt(pickings, move.ref("product_id"), move.ref("location_id")).map(quant -> quant.number("quantity"))
        .orElse(0.0);
  }

  private static Optional<Record> quantAt(Model pickings, Long product, Long location) {
    return pickings.env().store().table("stock.quant").all().stream()
        .filter(quant -> product.equals(quant.ref("product_id")) && location.equals(quant.ref("location_id")))
        .findFirst();
  }

  /** Changes the quantity of a product in an internal location. */
  private static void addQuant(Model pickings, Long product, Long location, double quantity) {
    String usage = pickings.model("stock.location").record(location).string("usage");
    if (!"internal".equals(usage)) {
      return;
    }
    Record quant = quantAt(pickings, product, location).orElseGet(() -> pickings.model("stock.quant")
        .record(pickings.model("stock.quant").create(new JsonObject().put("product_id", product).put("location_id", location))));
    quant.set("quantity", quant.number("quantity") + quantity);
  }
}
