package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.Record;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Odoo 16-17: {@code type} and {@code detailed_type} share the values {@code consu},
 * {@code service} and {@code product} (storable); setting one sets the other.
 */
final class DetailedTypeProducts implements ProductTypes {
  private static final List<String> TYPES = List.of("consu", "service", "product");
  private static final Map<ProductKind, String> TYPE_OF =
      Map.of(ProductKind.STORABLE, "product", ProductKind.CONSUMABLE, "consu", ProductKind.SERVICE, "service");

  @Override
  public List<Field> fields() {
    return List.of(
        Field.selection("type", "Product Type", TYPES).withDefault("consu").ownedBy("product.template"),
        Field.selection("detailed_type", "Product Type", TYPES).withDefault("consu").ownedBy("product.template"));
  }

  @Override
  public JsonObject valuesFor(ProductKind kind) {
    String type = TYPE_OF.get(kind);
    return new JsonObject().put("type", type).put("detailed_type", type);
  }

  @Override
  public void complete(JsonObject values) {
    if (values.containsKey("detailed_type") && !values.containsKey("type")) {
      values.put("type", values.getValue("detailed_type"));
    } else if (values.containsKey("type") && !values.containsKey("detailed_type")) {
      values.put("detailed_type", values.getValue("type"));
    }
  }

  @Override
  public boolean isStorable(Record product) {
    return "product".equals(product.string("type"));
  }
}
