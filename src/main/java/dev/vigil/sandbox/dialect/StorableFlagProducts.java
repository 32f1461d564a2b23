package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.Record;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Odoo 18+: {@code type} is {@code consu}, {@code service} or {@code combo}; goods tracked in
 * stock are {@code consu} with {@code is_storable = true}. There is no {@code detailed_type}.
 */
final class StorableFlagProducts implements ProductTypes {

  @Override
  public List<Field> fields() {
    return List.of(
        Field.selection("type", "Product Type", List.of("consu", "service", "combo"))
            .withDefault("consu").ownedBy("product.template"),
        Field.of("is_storable", FieldType.BOOLEAN, "Track Inventory").withDefault(false).ownedBy("product.template"));
  }

  @Override
  public JsonObject valuesFor(ProductKind kind) {
    return switch (kind) {
      case STORABLE -> new JsonObject().put("type", "consu").put("is_storable", true);
      case CONSUMABLE -> new JsonObject().put("type", "consu").put("is_storable", false);
      case SERVICE -> new JsonObject().put("type", "service").put("is_storable", false);
    };
  }

  @Override
  public void complete(JsonObject values) {
    // type and is_storable are independent fields here
  }

  @Override
  public boolean isStorable(Record product) {
    return product.flag("is_storable");
  }
}
