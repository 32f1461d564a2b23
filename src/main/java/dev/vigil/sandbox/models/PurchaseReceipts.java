package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.Record;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The receipt a confirmed purchase order creates where {@code stock} is installed (Odoo's
 * {@code purchase_stock}): an incoming transfer from the vendors' location to the receipt type's
 * destination, one move per order line, named after the order in {@code origin}, made ready.
 */
final class PurchaseReceipts {
  private PurchaseReceipts() {}

  static void create(Model orders, Record order) {
    Model pickings = orders.model("stock.picking");
    Record type = orders.model("stock.picking.type")
        .search(new JsonArray().add(new JsonArray().add("code").add("=").add("incoming")), 0, 1, "id").get(0);
    Record vendors = orders.model("stock.location")
        .search(new JsonArray().add(new JsonArray().add("usage").add("=").add("supplier")), 0, 1, "id").get(0);
    long destination = type.ref("default_location_dest_id");
    JsonArray moves = new JsonArray();
    List<Record> lines = orders.env().store().table("purchase.order.line").all().stream()
        .filter(line -> Long.valueOf(order.id()).equals(line.ref("order_id")))
        .toList();
    for (Record line : lines) {
      moves.add(new JsonArray().add(0).add(0).add(new JsonObject()
          .put("name", line.string("name"))
          .put("product_id", line.ref("product_id"))
          .put("product_uom_qty", line.number("product_qty"))
          .put("product_uom", line.ref("product_uom"))
          .put("location_id", vendors.id())
          .put("location_dest_id", destination)));
    }
    long receiptId = pickings.create(new JsonObject()
        .put("picking_type_id", type.id())
        .put("location_id", vendors.id())
        .put("location_dest_id", destination)
        .put("partner_id", order.ref("partner_id"))
        .put("origin", order.string("name"))
        .put("move_ids", moves));
    Record receipt = pickings.record(receiptId);
    Transfers.confirm(pickings, receipt);
    Transfers.assign(pickings, receipt);
  }
}
