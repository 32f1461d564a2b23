package dev.vigil.sandbox.orm;

import java.util.Comparator;
import java.util.Locale;

/**
 * Compiles an Odoo order ({@code "name asc, id desc"}) into a comparator, with PostgreSQL's
 * placement of missing values (last when ascending, first when descending), many2one fields
 * ordered by the target's display name, text compared case-insensitively, and ties broken by id.
 */
public final class OrderBy {
  private OrderBy() {}

  /**
   * The comparator for {@code order} on records of {@code schema}; null or blank means the
   * model's default order.
   *
   * @throws OdooError {@code ValueError} for an unknown field or direction
   */
  public static Comparator<Record> compile(Store store, ModelSchema schema, String order) {
    String spec = order == null || order.isBlank() ? schema.order() : order;
    Comparator<Record> comparator = null;
    for (String part : spec.split(",")) {
      Comparator<Record> next = term(store, schema, part.trim(), order);
      comparator = comparator == null ? next : comparator.thenComparing(next);
    }
    Comparator<Record> byId = Comparator.comparingLong(Record::id);
    return comparator == null ? byId : comparator.thenComparing(byId);
  }

  private static Comparator<Record> term(Store store, ModelSchema schema, String term, String order) {
    String[] words = term.split("\\s+");
    Field field = schema.field(words[0]).orElse(null);
    String direction = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "asc";
    if (field == null || field.type().isToMany() || words.length > 2
        || !direction.equals("asc") && !direction.equals("desc")) {
      throw OdooErrors.valueError("Invalid \"order\" specified (" + order + "). A valid \"order\" specification is"
          + " a comma-separated list of valid field names (optionally followed by asc/desc for the direction)");
    }
    boolean descending = direction.equals("desc");
    Comparator<Record> comparator = (left, right) -> {
      Comparable<Object> a = sortKey(store, field, left);
      Comparable<Object> b = sortKey(store, field, right);
      if (a == null || b == null) {
        int missingLast = a == null ? (b == null ? 0 : 1) : -1;
        return descending ? -missingLast : missingLast;
      }
      int result = a.compareTo(b);
      return descending ? -result : result;
    };
    return comparator;
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> sortKey(Store store, Field field, Record record) {
    Object value = Values.raw(store, field, record);
    if (value == null) {
      return null;
    }
    if (field.type() == FieldType.MANY2ONE) {
      value = store.displayName(field.relation(), ((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return (Comparable<Object>) (Comparable<?>) number.doubleValue();
    }
    if (value instanceof String text) {
      return (Comparable<Object>) (Comparable<?>) text.toLowerCase(Locale.ROOT);
    }
    return (Comparable<Object>) value;
  }
}
