package dev.vigil.sandbox.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored row of a model. Values are kept in their stored form: {@code Long} for integers and
 * many2one ids, {@code Double} for floats, {@code Boolean}, {@code String} (dates too),
 * {@code List<Long>} for many2many; {@code null} is "not set" (Odoo's {@code False}).
 */
public final class Record {
  private final long id;
  private final Map<String, Object> values = new HashMap<>();

  public Record(long id) {
    this.id = id;
  }

  public long id() {
    return id;
  }

  public Object get(String field) {
    return values.get(field);
  }

  public void set(String field, Object value) {
    values.put(field, value);
  }

  /** A char/selection/date value, or null. */
  public String string(String field) {
    Object value = values.get(field);
    return value == null ? null : value.toString();
  }

  /** A many2one id or integer, or null. */
  public Long ref(String field) {
    Object value = values.get(field);
    return value == null ? null : ((Number) value).longValue();
  }

  /** A numeric value, 0 when not set. */
  public double number(String field) {
    Object value = values.get(field);
    return value == null ? 0.0 : ((Number) value).doubleValue();
  }

  /** A boolean value, false when not set. */
  public boolean flag(String field) {
    return Boolean.TRUE.equals(values.get(field));
  }

  /** A many2many value (a copy), empty when not set. */
  @SuppressWarnings("unchecked")
  public List<Long> ids(String field) {
    Object value = values.get(field);
    return value == null ? new ArrayList<>() : new ArrayList<>((List<Long>) value);
  }

  /** An independent copy (values are immutable or replaced whole, never changed in place). */
  Record copy() {
    Record copy = new Record(id);
    copy.values.putAll(values);
    return copy;
  }

  @Override
  public String toString() {
    return "Record(" + id + ", " + values + ")";
  }
}
