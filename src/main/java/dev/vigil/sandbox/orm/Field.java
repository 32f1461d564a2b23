package dev.vigil.sandbox.orm;

import java.util.List;

/**
 * One field of a model, as {@code fields_get} describes it: name, type, label, relation, allowed
 * selection values, whether it is required, its default, and for non-stored fields how it is
 * computed. Immutable; the {@code with...} methods return a changed copy.
 *
 * @param ownerModel the model named in "Wrong value for model.field" messages when it is not the
 *     field's own model (Odoo reports product variant fields against {@code product.template})
 */
public record Field(
    String name,
    FieldType type,
    String label,
    String relation,
    String inverse,
    List<String> selection,
    boolean required,
    Object defaultValue,
    String ownerModel,
    Compute compute) {

  /** Computes a non-stored field's value from the store. Runs on the sandbox's context. */
  @FunctionalInterface
  public interface Compute {
    Object value(Store store, Record record);
  }

  /** A plain field of a scalar type. */
  public static Field of(String name, FieldType type, String label) {
    return new Field(name, type, label, null, null, List.of(), false, null, null, null);
  }

  /** A {@code char} field. */
  public static Field chars(String name, String label) {
    return of(name, FieldType.CHAR, label);
  }

  /** A {@code selection} field accepting exactly {@code values}. */
  public static Field selection(String name, String label, List<String> values) {
    return new Field(name, FieldType.SELECTION, label, null, null, List.copyOf(values), false, null, null, null);
  }

  /** A {@code many2one} to {@code relation}. */
  public static Field many2one(String name, String label, String relation) {
    return new Field(name, FieldType.MANY2ONE, label, relation, null, List.of(), false, null, null, null);
  }

  /** A {@code one2many}: the records of {@code relation} whose {@code inverse} points here. */
  public static Field one2many(String name, String label, String relation, String inverse) {
    return new Field(name, FieldType.ONE2MANY, label, relation, inverse, List.of(), false, null, null, null);
  }

  /** A {@code many2many} to {@code relation}, stored as a list of ids. */
  public static Field many2many(String name, String label, String relation) {
    return new Field(name, FieldType.MANY2MANY, label, relation, null, List.of(), false, null, null, null);
  }

  /** This field, required on create. */
  public Field asRequired() {
    return new Field(name, type, label, relation, inverse, selection, true, defaultValue, ownerModel, compute);
  }

  /** This field with a default used when create does not give a value. */
  public Field withDefault(Object value) {
    return new Field(name, type, label, relation, inverse, selection, required, value, ownerModel, compute);
  }

  /** This field, computed (not stored, not writable). */
  public Field computedBy(Compute function) {
    return new Field(name, type, label, relation, inverse, selection, required, defaultValue, ownerModel, function);
  }

  /** This field, reported against {@code model} in value errors. */
  public Field ownedBy(String model) {
    return new Field(name, type, label, relation, inverse, selection, required, defaultValue, model, compute);
  }

  /** Whether the value is stored on the record (not computed). */
  public boolean stored() {
    return compute == null;
  }
}
