package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.Record;
import java.util.List;

/**
 * Odoo 17+: {@code stock.move.quantity} holds the reserved, then the done quantity; the user
 * confirms it with {@code picked = true}. Only picked moves count as done.
 */
final class PickedQuantityMoves implements MoveQuantities {

  @Override
  public List<Field> fields() {
    return List.of(
        Field.of("quantity", FieldType.FLOAT, "Quantity").withDefault(0.0),
        Field.of("picked", FieldType.BOOLEAN, "Picked").withDefault(false));
  }

  @Override
  public double done(Record move) {
    return move.flag("picked") ? move.number("quantity") : 0.0;
  }

  @Override
  public boolean anyDone(List<Record> moves) {
    return moves.stream().anyMatch(move -> move.flag("picked"));
  }

  @Override
  public void reserve(Record move) {
    if (move.number("quantity") == 0) {
      move.set("quantity", move.number("product_uom_qty"));
    }
  }

  @Override
  public void markAllDone(Record move) {
    move.set("picked", true);
  }
}
