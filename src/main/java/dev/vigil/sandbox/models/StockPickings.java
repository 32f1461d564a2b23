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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code stock} models (locations, warehouse, operation types, transfers, moves, quants), the
 * defaults of a new transfer (locations from its type, name from its type's sequence,
 * {@code WH/IN/00052}) and its buttons {@code action_confirm}, {@code action_assign},
 * {@code button_validate} and {@code action_cancel}, which {@link Transfers} carries out. A done
 * transfer cannot be deleted; done moves update the quants, hence {@code qty_available}.
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
          pickings.existing(ids).forEach(picking -> Transfers.confirm(pickings, picking));
          return true;
        }))
        .method("stock.picking", MethodSpec.onRecords(CLASS, "action_assign", (pickings, ids, args) -> {
          pickings.existing(ids).forEach(picking -> Transfers.assign(pickings, picking));
          return true;
        }))
        .method("stock.picking", MethodSpec.onRecords(CLASS, "button_validate", (pickings, ids, args) ->
            Transfers.validate(pickings, pickings.existing(ids))))
        .method("stock.picking", MethodSpec.onRecords(CLASS, "action_cancel", (pickings, ids, args) -> {
          pickings.existing(ids).forEach(picking -> Transfers.cancel(pickings, picking));
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
        Transfers.moves(pickings, picking).forEach(move -> move.set("state", "cancel"));
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
