package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code purchase} models, present only where the module is installed: an order is created
 * as a draft named {@code P00001}, {@code button_confirm} makes it a purchase order,
 * {@code button_cancel} cancels it, and only draft or cancelled orders may be deleted. Where
 * {@code stock} is installed too (Odoo's {@code purchase_stock}), confirming creates a ready
 * receipt whose origin is the order's name, {@code picking_ids} lists it, and cancelling the
 * order cancels its receipts that are not done.
 */
final class PurchaseOrders implements OdooModule {
  private static final String CLASS = "PurchaseOrder";

  @Override
  public String module() {
    return "purchase";
  }

  @Override
  public List<ModelSchema> schemas(Dialect dialect, Set<String> installed) {
    ModelSchema.Builder order = ModelSchema.builder("purchase.order", "Purchase Order")
        .order("id desc")
        .field(Field.chars("name", "Order Reference").withDefault("New"))
        .field(Field.many2one("partner_id", "Vendor", "res.partner").asRequired())
        .field(Field.chars("partner_ref", "Vendor Reference"))
        .field(Field.chars("origin", "Source Document"))
        .field(Field.selection("state", "Status", List.of("draft", "sent", "to approve", "purchase", "done", "cancel"))
            .withDefault("draft"))
        .field(Field.one2many("order_line", "Order Lines", "purchase.order.line", "order_id"))
        .field(Field.of("date_order", FieldType.DATETIME, "Order Deadline"))
        .field(Field.of("date_approve", FieldType.DATETIME, "Confirmation Date"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.of("amount_untaxed", FieldType.MONETARY, "Untaxed Amount").computedBy(PurchaseOrders::amount))
        .field(Field.of("amount_total", FieldType.MONETARY, "Total").computedBy(PurchaseOrders::amount));
    if (installed.contains("stock")) {
      order.field(Field.many2many("picking_ids", "Receptions", "stock.picking").computedBy(PurchaseOrders::receiptIds));
    }
    ModelSchema line = ModelSchema.builder("purchase.order.line", "Purchase Order Line")
        .field(Field.many2one("order_id", "Order Reference", "purchase.order").asRequired())
        .field(Field.many2one("product_id", "Product", "product.product"))
        .field(Field.of("name", FieldType.TEXT, "Description").asRequired())
        .field(Field.of("product_qty", FieldType.FLOAT, "Quantity").withDefault(1.0))
        .field(Field.many2one("product_uom", "Unit of Measure", "uom.uom"))
        .field(Field.of("price_unit", FieldType.FLOAT, "Unit Price").withDefault(0.0))
        .field(Field.of("price_subtotal", FieldType.MONETARY, "Subtotal")
            .computedBy((store, record) ->
                AccountMoves.currencyRound(record.number("product_qty") * record.number("price_unit"))))
        .field(Field.of("date_planned", FieldType.DATETIME, "Expected Arrival"))
        .build();
    return List.of(order.build(), line);
  }

  private static Object amount(Store store, Record order) {
    return AccountMoves.currencyRound(store.table("purchase.order.line").all().stream()
        .filter(line -> Long.valueOf(order.id()).equals(line.ref("order_id")))
        .mapToDouble(line -> line.number("product_qty") * line.number("price_unit"))
        .sum());
  }

  private static Object receiptIds(Store store, Record order) {
    return receipts(store, order).stream().map(Record::id).toList();
  }

  private static List<Record> receipts(Store store, Record order) {
    return store.table("stock.picking").all().stream()
        .filter(picking -> order.string("name").equals(picking.string("origin")))
        .toList();
  }

  @Override
  public void register(ModelRegistry.Builder registry, Dialect dialect) {
    registry
        .hooks("purchase.order", new OrderHooks())
        .hooks("purchase.order.line", new LineHooks())
        .method("purchase.order", MethodSpec.onRecords(CLASS, "button_confirm", (orders, ids, args) -> {
          for (Record order : orders.existing(ids)) {
            if ("draft".equals(order.string("state")) || "sent".equals(order.string("state"))) {
              order.set("state", "purchase");
              order.set("date_approve", orders.env().now());
              if (orders.env().db().modules().contains("stock")) {
                PurchaseReceipts.create(orders, order);
              }
            }
          }
          return true;
        }))
        .method("purchase.order", MethodSpec.onRecords(CLASS, "button_cancel", (orders, ids, args) -> {
          for (Record order : orders.existing(ids)) {
            order.set("state", "cancel");
            Model pickings = orders.model("stock.picking");
            receipts(orders.env().store(), order).stream()
                .filter(picking -> !"done".equals(picking.string("state")))
                .forEach(picking -> Transfers.cancel(pickings, picking));
          }
          return null;
        }))
        .method("purchase.order", MethodSpec.onRecords(CLASS, "button_draft", (orders, ids, args) -> {
          orders.existing(ids).forEach(order -> order.set("state", "draft"));
          return new JsonObject();
        }));
  }

  /** Names a new order from the purchase sequence; only draft or cancelled orders may be deleted. */
  private static final class OrderHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model orders, JsonObject values) {
      if (values.getValue("name") == null || "New".equals(values.getValue("name"))) {
        values.put("name", "P" + String.format(Locale.ROOT, "%05d", orders.env().store().nextInSequence("purchase.order")));
      }
      if (values.getValue("date_order") == null) {
        values.put("date_order", orders.env().now());
      }
    }

    @Override
    public void beforeUnlink(Model orders, List<Record> records) {
      for (Record order : records) {
        if (!"draft".equals(order.string("state")) && !"cancel".equals(order.string("state"))) {
          throw OdooErrors.userError("In order to delete a purchase order, you must cancel it first.");
        }
      }
    }
  }

  /** A line's description, unit and price from its product. */
  private static final class LineHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model lines, JsonObject values) {
      if (!(values.getValue("product_id") instanceof Number productId)) {
        return;
      }
      Model products = lines.model("product.product");
      Record product = products.record(productId.longValue());
      if (values.getValue("name") == null) {
        values.put("name", products.displayName(product));
      }
      if (values.getValue("product_uom") == null) {
        values.put("product_uom", product.ref("uom_po_id"));
      }
      if (values.getValue("price_unit") == null) {
        values.put("price_unit", product.number("standard_price"));
      }
      if (values.getValue("date_planned") == null) {
        values.put("date_planned", lines.env().now());
      }
    }
  }
}
