package dev.vigil.sandbox.orm;

import java.util.Locale;

/** The Odoo field types the sandbox models; {@link #odooName()} is what {@code fields_get} reports. */
public enum FieldType {
  CHAR,
  TEXT,
  INTEGER,
  FLOAT,
  MONETARY,
  BOOLEAN,
  SELECTION,
  DATE,
  DATETIME,
  MANY2ONE,
  ONE2MANY,
  MANY2MANY;

  /** The type's name as Odoo spells it ({@code many2one}, {@code char}, ...). */
  public String odooName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether values of this type are lists of record ids. */
  public boolean isToMany() {
    return this == ONE2MANY || this == MANY2MANY;
  }
}
