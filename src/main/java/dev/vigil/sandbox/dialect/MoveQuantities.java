package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.Record;
import java.util.List;

/**
 * How a version records the quantity done on a stock move: {@code quantity_done} (16), or
 * {@code quantity} and {@code picked} (17+).
 */
public interface MoveQuantities {

  /** The quantity fields of {@code stock.move}. */
  List<Field> fields();

  /** The quantity validation counts as done. */
  double done(Record move);

  /** Whether the user set any done quantity on these moves. */
  boolean anyDone(List<Record> moves);

  /** Reserves the move's demand when it becomes available. */
  void reserve(Record move);

  /** Marks the move done as far as it goes (immediate transfer, or validating with nothing picked). */
  void markAllDone(Record move);
}
