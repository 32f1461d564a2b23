package dev.vigil.sandbox.dialect;

/** What a product is, independent of how a version spells it in fields. */
public enum ProductKind {
  /** Tracked in stock: {@code type='product'} (16-17), {@code is_storable=true} (18+). */
  STORABLE,
  CONSUMABLE,
  SERVICE
}
