package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.dialect.MoveQuantities;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code stock} models (locations, warehouse, operation types, transfers, moves, quants) and
 * the life of a transfer: create (named from its type's sequence, {@code WH/IN/00052}) →
 * {@code action_confirm} (moves from outside the warehouse need no reservation and become
 * ready) → {@code action_assign} (reserves what the source location holds) →
 * {@code button_validate}, which answers {@code true} when done, or the action of a wizard:
 * immediate transfer (16, nothing done), backorder confirmation (less done than demanded). Done
 * moves update the quants, hence {@code qty_available}.
 */
final class StockPickings implements OdooModule {
  private static final String CLASS = "Picking";
  private static final List<String> MOVE_STATES =
      List.of("draft", "waiting", "confirmed", "partially_available", "assigned", "done", "cancel");

  @Override
  public String module() {
    return "stock";
  }

  @Override
  public List<ModelSchema> schemas(Dialect dialect, Set<String> installed) {
    return List.of(location(), warehouse(), pickingType(), picking(), move(dialect.moveQuantities()), quant());
  }

  @Override
  public void register(ModelRegistry.Builder registry, Dialect dialect) {
    registry
        .hooks("stock.location", new LocationHooks())
        .hooks("stock.picking", new PickingHooks())
        .hooks("stock.move", new MoveHooks())
        .method("stock.picking", MethodSpec.onRecords(CLASS, "action_confirm", (pickings, ids, args) -> {
          pickings.existing(ids).forEach(picking -> confirm(pickings, picking));
          return true;
        }))
        .method("stock.picking", MethodSpec.onRecords(CLASS, "action_assign", (pickings, ids, args) -> {
          pickings.existing(ids).forEach(picking -> assign(pickings, picking));
          return true;
        }))
        .method("stock.picking", MethodSpec.onRecords(CLASS, "button_validate", (pickings, ids, args) ->
            validate(pickings, pickings.existing(ids))))
        .method("stock.picking", MethodSpec.onRecords(CLASS, "action_cancel", (pickings, ids, args) -> {
          pickings.existing(ids).forEach(picking -> cancel(pickings, picking));
          return true;
        }));
  }

  // --- schemas ----------------------------------------------------------------------------

  private static ModelSchema location() {
    return ModelSchema.builder("stock.location", "Inventory Locations")
        .order("complete_name, id")
        .field(Field.chars("name", "Location Name").asRequired())
        .field(Field.chars("complete_name", "Full Location Name"))
        .field(Field.selection("usage", "Location Type",
            List.of("supplier", "view", "internal", "customer", "inventory", "production", "transit"))
            .withDefault("internal"))
        .field(Field.many2one("location_id", "Parent Location", "stock.location"))
        .field(Field.many2one("company_id", "Company", "res.company"))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .displayName((store, record) -> record.string("complete_name"))
        .build();
  }

  private static ModelSchema warehouse() {
    return ModelSchema.builder("stock.warehouse", "Warehouse")
        .field(Field.chars("name", "Warehouse").asRequired())
        .field(Field.chars("code", "Short Name").asRequired())
        .field(Field.many2one("lot_stock_id", "Location Stock", "stock.location"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .build();
  }

  private static ModelSchema pickingType() {
    return ModelSchema.builder("stock.picking.type", "Picking Type")
        .order("sequence, id")
        .field(Field.chars("name", "Operation Type").asRequired())
        .field(Field.selection("code", "Type of Operation", List.of("incoming", "outgoing", "internal")).asRequired())
        .field(Field.chars("sequence_code", "Sequence Prefix"))
        .field(Field.of("sequence", FieldType.INTEGER, "Sequence").withDefault(10))
        .field(Field.many2one("default_location_src_id", "Default Source Location", "stock.location"))
        .field(Field.many2one("default_location_dest_id", "Default Destination Location", "stock.location"))
        .field(Field.many2one("warehouse_id", "Warehouse", "stock.warehouse"))
        .field(Field.many2one("return_picking_type_id", "Operation Type for Returns", "stock.picking.type"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .displayName((store, type) -> type.ref("warehouse_id") == null
            ? type.string("name")
            : store.displayName("stock.warehouse", type.ref("warehouse_id")) + ": " + type.string("name"))
        .build();
  }

  private static ModelSchema picking() {
    return ModelSchema.builder("stock.picking", "Transfer")
        .order("scheduled_date, id desc")
        .field(Field.chars("name", "Reference").withDefault("/"))
        .field(Field.chars("origin", "Source Document"))
        .field(Field.selection("state", "Status",
            List.of("draft", "waiting", "confirmed", "assigned", "done", "cancel")).withDefault("draft"))
        .field(Field.many2one("picking_type_id", "Operation Type", "stock.picking.type").asRequired())
        .field(Field.selection("picking_type_code", "Type of Operation", List.of("incoming", "outgoing", "internal"))
            .computedBy((store, picking) -> store.table("stock.picking.type").find(picking.ref("picking_type_id"))
                .map(type -> type.string("code")).orElse(null)))
        .field(Field.many2one("location_id", "Source Location", "stock.location").asRequired())
        .field(Field.many2one("location_dest_id", "Destination Location", "stock.location").asRequired())
        .field(Field.many2one("partner_id", "Contact", "res.partner"))
        .field(Field.one2many("move_ids", "Stock Moves", "stock.move", "picking_id"))
        .field(Field.of("scheduled_date", FieldType.DATETIME, "Scheduled Date"))
        .field(Field.of("date_done", FieldType.DATETIME, "Date of Transfer"))
        .field(Field.many2one("backorder_id", "Back Order of", "stock.picking"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .build();
  }

  private static ModelSchema move(MoveQuantities quantities) {
    ModelSchema.Builder move = ModelSchema.builder("stock.move", "Stock Move")
        .field(Field.chars("name", "Description"))
        .field(Field.many2one("product_id", "Product", "product.product").asRequired())
        .field(Field.of("product_uom_qty", FieldType.FLOAT, "Demand").withDefault(0.0))
        .field(Field.many2one("product_uom", "UoM", "uom.uom"))
        .field(Field.many2one("location_id", "Source Location", "stock.location").asRequired())
        .field(Field.many2one("location_dest_id", "Destination Location", "stock.location").asRequired())
        .field(Field.many2one("picking_id", "Transfer", "stock.picking"))
        .field(Field.many2one("picking_type_id", "Operation Type", "stock.picking.type"))
        .field(Field.selection("state", "Status", MOVE_STATES).withDefault("draft"))
        .field(Field.many2one("origin_returned_move_id", "Origin return move", "stock.move"))
        .field(Field.of("date", FieldType.DATETIME, "Date Scheduled"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L));
    quantities.fields().forEach(move::field);
    return move.build();
  }

  private static ModelSchema quant() {
    return ModelSchema.builder("stock.quant", "Quants")
        .field(Field.many2one("product_id", "Product", "product.product").asRequired())
        .field(Field.many2one("location_id", "Location", "stock.location").asRequired())
        .field(Field.of("quantity", FieldType.FLOAT, "Quantity").withDefault(0.0))
        .build();
  }

  // --- the life of a transfer -------------------------------------------------------------

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

  /** The first location of a usage ({@code supplier}, {@code customer}). */
  private static Long firstLocation(Model model, String usage) {
    return model.model("stock.location")
        .search(new JsonArray().add(new JsonArray().add("usage").add("=").add(usage)), 0, 1, null)
        .stream().findFirst().map(Record::id).orElse(null);
  }

  // --- hooks ------------------------------------------------------------------------------

  /** A location's full name: its parent's full name, a slash, its name. */
  private static final class LocationHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model locations, JsonObject values) {
      if (values.getValue("complete_name") == null && values.getValue("name") instanceof String name) {
        Object parent = values.getValue("location_id");
        values.put("complete_name", parent instanceof Number id
            ? locations.record(id.longValue()).string("complete_name") + "/" + name : name);
      }
    }
  }

  /** A new transfer's locations (from its type, else the partner locations), name and date. */
  private static final class PickingHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model pickings, JsonObject values) {
      if (!(values.getValue("picking_type_id") instanceof Number typeId)) {
        return;
      }
      Record type = pickings.model("stock.picking.type").record(typeId.longValue());
      Long stock = type.ref("warehouse_id") == null ? null
          : pickings.model("stock.warehouse").record(type.ref("warehouse_id")).ref("lot_stock_id");
      String code = type.string("code");
      if (values.getValue("location_id") == null) {
        Long source = type.ref("default_location_src_id");
        values.put("location_id", source != null ? source : "incoming".equals(code) ? firstLocation(pickings, "supplier") : stock);
      }
      if (values.getValue("location_dest_id") == null) {
        Long destination = type.ref("default_location_dest_id");
        values.put("location_dest_id",
            destination != null ? destination : "outgoing".equals(code) ? firstLocation(pickings, "customer") : stock);
      }
      if (values.getValue("name") == null || "/".equals(values.getValue("name"))) {
        values.put("name", sequenceName(pickings, type));
      }
      if (values.getValue("scheduled_date") == null) {
        values.put("scheduled_date", pickings.env().now());
      }
    }

    @Override
    public void beforeUnlink(Model pickings, List<Record> records) {
      for (Record picking : records) {
        if ("done".equals(picking.string("state"))) {
          throw OdooErrors.userError("You can not delete product moves if the picking is done. You can only correct"
              + " the done quantities.");
        }
        moves(pickings, picking).forEach(move -> move.set("state", "cancel"));
      }
    }

    private static String sequenceName(Model pickings, Record type) {
      String warehouseCode = type.ref("warehouse_id") == null ? ""
          : pickings.model("stock.warehouse").record(type.ref("warehouse_id")).string("code") + "/";
      String prefix = warehouseCode + type.string("sequence_code") + "/";
      return prefix + String.format(Locale.ROOT, "%05d", pickings.env().store().nextInSequence(prefix));
    }
  }

  /** A move's defaults from its transfer and product; only draft or cancelled moves may go. */
  private static final class MoveHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model moves, JsonObject values) {
      if (values.getValue("picking_id") instanceof Number pickingId) {
        Record picking = moves.model("stock.picking").record(pickingId.longValue());
        values.put("location_id", orElse(values.getValue("location_id"), picking.ref("location_id")));
        values.put("location_dest_id", orElse(values.getValue("location_dest_id"), picking.ref("location_dest_id")));
        values.put("picking_type_id", orElse(values.getValue("picking_type_id"), picking.ref("picking_type_id")));
      }
      if (values.getValue("product_id") instanceof Number productId) {
        Model products = moves.model("product.product");
        Record product = products.record(productId.longValue());
        values.put("product_uom", orElse(values.getValue("product_uom"), product.ref("uom_id")));
        values.put("name", orElse(values.getValue("name"), products.displayName(product)));
      }
    }

    @Override
    public void beforeUnlink(Model moves, List<Record> records) {
      for (Record move : records) {
        if (!"draft".equals(move.string("state")) && !"cancel".equals(move.string("state"))) {
          throw OdooErrors.userError("You can only delete draft or cancelled moves.");
        }
      }
    }

    private static Object orElse(Object given, Object fallback) {
      return given != null ? given : fallback;
    }
  }
}
