package dev.vigil.sandbox.orm;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts field values between their JSON form (what RPC callers send and read) and their stored
 * form (see {@link Record}): coercion on write with Odoo's "Wrong value" checks, rendering on read
 * ({@code false} for empty, {@code [id, name]} for many2one, id lists for to-many fields).
 */
public final class Values {
  private Values() {}

  /**
   * The stored form of a scalar value given for {@code field} of {@code model}.
   *
   * @throws OdooError {@code ValueError} for a selection value that is not allowed
   */
  public static Object coerce(String model, Field field, Object input) {
    if (input == null || Boolean.FALSE.equals(input) && field.type() != FieldType.BOOLEAN) {
      return null;
    }
    return switch (field.type()) {
      case INTEGER, MANY2ONE -> toId(input);
      case FLOAT, MONETARY -> ((Number) input).doubleValue();
      case BOOLEAN -> truthy(input);
      case SELECTION -> checkedSelection(model, field, input);
      case MANY2MANY -> idList(input);
      default -> input.toString();
    };
  }

  /** The value {@code read()} returns for a field of a record. */
  public static Object render(Store store, Field field, Record record) {
    if (field.name().equals("id")) {
      return record.id();
    }
    if (!field.stored()) {
      Object computed = field.compute().value(store, record);
      return computed == null ? emptyOf(field.type()) : computed;
    }
    Object value = record.get(field.name());
    return switch (field.type()) {
      case ONE2MANY -> new JsonArray(store.children(field, record.id()).stream().map(Record::id).toList());
      case MANY2MANY -> new JsonArray(record.ids(field.name()));
      case MANY2ONE -> value == null
          ? false
          : new JsonArray().add(value).add(store.displayName(field.relation(), (Long) value));
      default -> value == null ? emptyOf(field.type()) : value;
    };
  }

  /**
   * The value domains and orders compare: stored scalars as stored, many2one as the id, to-many
   * as the id list, computed fields as computed; null for "not set".
   */
  public static Object raw(Store store, Field field, Record record) {
    if (field.name().equals("id")) {
      return record.id();
    }
    if (!field.stored()) {
      return field.compute().value(store, record);
    }
    return switch (field.type()) {
      case ONE2MANY -> store.children(field, record.id()).stream().map(Record::id).toList();
      case MANY2MANY -> record.ids(field.name());
      default -> record.get(field.name());
    };
  }

  /** A list of record ids from an id or a JSON list of ids. */
  public static List<Long> idList(Object input) {
    List<Long> ids = new ArrayList<>();
    if (input instanceof JsonArray array) {
      array.forEach(item -> ids.add(toId(item)));
    } else if (input instanceof List<?> list) {
      list.forEach(item -> ids.add(toId(item)));
    } else if (input instanceof Number) {
      ids.add(toId(input));
    }
    return ids;
  }

  private static Long toId(Object input) {
    if (input instanceof Number number) {
      return number.longValue();
    }
    if (input instanceof JsonArray pair && !pair.isEmpty()) {
      return toId(pair.getValue(0));
    }
    throw OdooErrors.valueError("invalid literal for int() with base 10: " + PyRepr.of(input));
  }

  private static Object checkedSelection(String model, Field field, Object input) {
    String value = input.toString();
    if (!field.selection().contains(value)) {
      String owner = field.ownerModel() != null ? field.ownerModel() : model;
      throw OdooErrors.valueError("Wrong value for " + owner + "." + field.name() + ": " + PyRepr.of(input));
    }
    return value;
  }

  private static boolean truthy(Object input) {
    if (input instanceof Boolean flag) {
      return flag;
    }
    if (input instanceof Number number) {
      return number.doubleValue() != 0;
    }
    return !input.toString().isEmpty();
  }

  private static Object emptyOf(FieldType type) {
    return switch (type) {
      case INTEGER -> 0;
      case FLOAT, MONETARY -> 0.0;
      case ONE2MANY, MANY2MANY -> new JsonArray();
      default -> false;
    };
  }
}
