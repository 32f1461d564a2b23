package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.Record;
import java.util.List;

/** Odoo 16: the user writes {@code stock.move.quantity_done}; reservation is not modelled. */
final class DoneQuantityMoves implements MoveQuantities {

  @Override
  public List<Field> fields() {
    return List.of(Field.of("quantity_done", FieldType.FLOAT, "Quantity Done").withDefault(0.0));
  }

  @Override
  public double done(Record move) {
    return move.number("quantity_done");
  }

  @Override
  public boolean anyDone(List<Record> moves) {
    return moves.stream().anyMatch(move -> move.number("quantity_done") > 0);
  }

  @Override
  public void reserve(Record move) {
    // 16 keeps reservations on move lines, which the sandbox does not model
  }

  @Override
  public void markAllDone(Record move) {
    move.set("quantity_done", move.number("product_uom_qty"));
  }
}
