package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.Record;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** How a version spells a product's type in fields. */
public interface ProductTypes {

  /** The type fields of {@code product.product}. */
  List<Field> fields();

  /** The field values of a demo product of this kind. */
  JsonObject valuesFor(ProductKind kind);

  /** Fills the type fields a caller did not give from the ones it did (create and write). */
  void complete(JsonObject values);

  boolean isStorable(Record product);
}
