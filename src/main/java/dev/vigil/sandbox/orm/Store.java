package dev.vigil.sandbox.orm;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one Odoo database: a table per model and the named number sequences
 * ({@code ir.sequence}) that documents draw their names from.
 */
public final class Store {
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();

  public Store(Collection<ModelSchema> schemas) {
    schemas.forEach(schema -> tables.put(schema.name(), new Table(schema)));
  }

  public boolean has(String model) {
    return tables.containsKey(model);
  }

  /** The table of {@code model}; the model must exist ({@link #has}). */
  public Table table(String model) {
    Table table = tables.get(model);
    if (table == null) {
      throw new IllegalArgumentException("no model " + model);
    }
    return table;
  }

  public ModelSchema schema(String model) {
    return table(model).schema();
  }

  /** The display name of a record, or "" when it does not exist. */
  public String displayName(String model, long id) {
    Table table = table(model);
    return table.find(id).map(record -> table.schema().displayName(this, record)).orElse("");
  }

  /** The records of a one2many, in id order. */
  public List<Record> children(Field one2many, long parentId) {
    return table(one2many.relation()).all().stream()
        .filter(child -> Long.valueOf(parentId).equals(child.ref(one2many.inverse())))
        .toList();
  }

  /**
   * Captures the whole database; running the result restores it. One RPC call is one transaction:
   * the sandbox restores the snapshot when the call fails, as PostgreSQL rolls back for Odoo.
   */
  public Runnable snapshot() {
    List<Runnable> restores = tables.values().stream().map(Table::snapshot).toList();
    Map<String, Long> savedSequences = new HashMap<>(sequences);
    return () -> {
      restores.forEach(Runnable::run);
      sequences.clear();
      sequences.putAll(savedSequences);
    };
  }

  /** Sets the next number of a sequence (demo data). */
  public void startSequence(String code, long next) {
    sequences.put(code, next);
  }

  /** Takes the next number of a sequence (1 for a new one). */
  public long nextInSequence(String code) {
    long next = sequences.getOrDefault(code, 1L);
    sequences.put(code, next + 1);
    return next;
  }
}
