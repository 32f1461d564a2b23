package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.dialect.MoveQuantities;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Record;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stock wizards a client meets after {@code button_validate} and for returns:
 * {@code stock.immediate.transfer} (16 only; {@code process} does everything and validates),
 * {@code stock.backorder.confirmation} ({@code process} keeps a backorder,
 * {@code process_cancel_backorder} drops the rest), and {@code stock.return.picking}, whose
 * {@code create_returns} (16-17) or {@code action_create_returns} (18+) creates a ready return
 * transfer and answers the action opening it. Wizards take their transfers from the context the
 * wizard action carried ({@code default_pick_ids}, {@code button_validate_picking_ids},
 * {@code active_id}).
 */
final class StockWizards implements OdooModule {
  private static final String IMMEDIATE = "stock.immediate.transfer";
  private static final String BACKORDER = "stock.backorder.confirmation";
  private static final String RETURN = "stock.return.picking";

  @Override
  public String module() {
    return "stock";
  }

  @Override
  public List<ModelSchema> schemas(Dialect dialect, Set<String> installed) {
    List<ModelSchema> schemas = new ArrayList<>();
    if (dialect.offersImmediateTransfer()) {
      schemas.add(transferWizard(IMMEDIATE, "Immediate Transfer"));
    }
    schemas.add(transferWizard(BACKORDER, "Backorder Confirmation"));
    ModelSchema.Builder returns = ModelSchema.builder(RETURN, "Return Picking")
        .field(Field.many2one("picking_id", "Picking", "stock.picking"))
        .field(Field.one2many("product_return_moves", "Moves", "stock.return.picking.line", "wizard_id"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .displayName((store, record) -> RETURN + "," + record.id());
    if (dialect.returnWizardTakesLocation()) {
      returns.field(Field.many2one("location_id", "Return Location", "stock.location"));
    }
    schemas.add(returns.build());
    schemas.add(ModelSchema.builder("stock.return.picking.line", "Return Picking Line")
        .field(Field.many2one("product_id", "Product", "product.product").asRequired())
        .field(Field.of("quantity", FieldType.FLOAT, "Quantity").withDefault(0.0))
        .field(Field.many2one("uom_id", "Unit of Measure", "uom.uom"))
        .field(Field.many2one("move_id", "Move", "stock.move"))
        .field(Field.many2one("wizard_id", "Wizard", RETURN))
        .displayName((store, record) -> store.displayName("product.product", record.ref("product_id")))
        .build());
    return schemas;
  }

  private static ModelSchema transferWizard(String model, String description) {
    return ModelSchema.builder(model, description)
        .field(Field.many2many("pick_ids", "Transfers", "stock.picking"))
        .field(Field.of("show_transfers", FieldType.BOOLEAN, "Show Transfers").withDefault(false))
        .displayName((store, record) -> model + "," + record.id())
        .build();
  }

  @Override
  public void register(ModelRegistry.Builder registry, Dialect dialect) {
    ModelHooks fromContext = new ValidationWizardHooks();
    if (dialect.offersImmediateTransfer()) {
      registry.hooks(IMMEDIATE, fromContext)
          .method(IMMEDIATE, MethodSpec.onRecords("StockImmediateTransfer", "process", StockWizards::processImmediate));
    }
    registry.hooks(BACKORDER, fromContext)
        .method(BACKORDER, MethodSpec.onRecords("StockBackorderConfirmation", "process",
            (wizards, ids, args) -> finish(wizards, ids, true)))
        .method(BACKORDER, MethodSpec.onRecords("StockBackorderConfirmation", "process_cancel_backorder",
            (wizards, ids, args) -> finish(wizards, ids, false)))
        .hooks(RETURN, new ReturnHooks())
        .method(RETURN, MethodSpec.onRecords("ReturnPicking", dialect.createReturnsMethod(), StockWizards::createReturns));
  }

  /** The transfers a validation wizard works on: its {@code pick_ids}, else the context's. */
  private static List<Record> transfers(Model wizards, List<Long> ids) {
    List<Long> pickingIds = new ArrayList<>();
    wizards.existing(ids).forEach(wizard -> pickingIds.addAll(wizard.ids("pick_ids")));
    JsonArray fromContext = wizards.env().context().getJsonArray("button_validate_picking_ids");
    if (pickingIds.isEmpty() && fromContext != null) {
      fromContext.forEach(id -> pickingIds.add(((Number) id).longValue()));
    }
    return wizards.model("stock.picking").existing(pickingIds);
  }

  private static Object processImmediate(Model wizards, List<Long> ids, Arguments args) {
    Model pickings = wizards.model("stock.picking");
    List<Record> records = transfers(wizards, ids);
    MoveQuantities quantities = wizards.env().dialect().moveQuantities();
    records.forEach(picking -> {
      Transfers.confirm(pickings, picking);
      Transfers.moves(pickings, picking).forEach(quantities::markAllDone);
    });
    return Transfers.validate(pickings, records);
  }

  private static Object finish(Model wizards, List<Long> ids, boolean keepBackorder) {
    Model pickings = wizards.model("stock.picking");
    transfers(wizards, ids).forEach(picking -> Transfers.markDone(pickings, picking, keepBackorder));
    return true;
  }

  private static Object createReturns(Model wizards, List<Long> ids, Arguments args) {
    Record wizard = wizards.existing(ids).get(0);
    Model pickings = wizards.model("stock.picking");
    Record original = pickings.record(wizard.ref("picking_id"));
    List<Record> lines = wizards.env().store()
        .children(wizards.schema().field("product_return_moves").orElseThrow(), wizard.id()).stream()
        .filter(line -> line.number("quantity") > 0).toList();
    if (lines.isEmpty()) {
      throw OdooErrors.userError("Please specify at least one non-zero quantity.");
    }
    Record type = wizards.model("stock.picking.type").record(original.ref("picking_type_id"));
    long returnType = type.ref("return_picking_type_id") != null ? type.ref("return_picking_type_id") : type.id();
    Long chosenDestination = wizards.schema().has("location_id") ? wizard.ref("location_id") : null;
    long source = original.ref("location_dest_id");
    long destination = chosenDestination != null ? chosenDestination : original.ref("location_id");
    JsonArray moves = new JsonArray();
    for (Record line : lines) {
      moves.add(new JsonArray().add(0).add(0).add(new JsonObject()
          .put("product_id", line.ref("product_id"))
          .put("product_uom_qty", line.number("quantity"))
          .put("product_uom", line.ref("uom_id"))
          .put("location_id", source)
          .put("location_dest_id", destination)
          .put("origin_returned_move_id", line.ref("move_id"))));
    }
    long returnId = pickings.create(new JsonObject()
        .put("picking_type_id", returnType)
        .put("location_id", source)
        .put("location_dest_id", destination)
        .put("partner_id", original.ref("partner_id"))
        .put("origin", "Return of " + original.string("name"))
        .put("move_ids", moves));
    Transfers.assign(pickings, pickings.record(returnId));
    return wizards.env().dialect().returnAction(returnId, returnType, original.ref("partner_id"), wizards.env().context());
  }

  /** A validation wizard's transfers from {@code button_validate_picking_ids} when no default came. */
  private static final class ValidationWizardHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model wizards, JsonObject values) {
      JsonArray fromContext = wizards.env().context().getJsonArray("button_validate_picking_ids");
      if (values.getValue("pick_ids") == null && fromContext != null) {
        values.put("pick_ids", new JsonArray().add(new JsonArray().add(6).add(0).add(fromContext.copy())));
      }
    }
  }

  /** The returned transfer from {@code active_id}; it must be done; lines default to its done moves. */
  private static final class ReturnHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model wizards, JsonObject values) {
      Object activeId = wizards.env().context().getValue("active_id");
      if (values.getValue("picking_id") == null && activeId instanceof Number) {
        values.put("picking_id", activeId);
      }
      if (!(values.getValue("picking_id") instanceof Number pickingId)) {
        return;
      }
      Model pickings = wizards.model("stock.picking");
      Record picking = pickings.record(pickingId.longValue());
      if (!"done".equals(picking.string("state"))) {
        throw OdooErrors.userError("You may only return Done pickings.");
      }
      if (values.getValue("product_return_moves") == null) {
        JsonArray lines = new JsonArray();
        Transfers.moves(pickings, picking).stream().filter(move -> "done".equals(move.string("state")))
            .forEach(move -> lines.add(new JsonArray().add(0).add(0).add(new JsonObject()
                .put("product_id", move.ref("product_id"))
                .put("quantity", move.number("product_uom_qty"))
                .put("uom_id", move.ref("product_uom"))
                .put("move_id", move.id()))));
        values.put("product_return_moves", lines);
      }
    }
  }
}
