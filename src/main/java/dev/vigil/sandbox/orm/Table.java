package dev.vigil.sandbox.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The records of one model, by id, with the next id to hand out. */
public final class Table {
  private final ModelSchema schema;
  private final TreeMap<Long, Record> rows = new TreeMap<>();
  private long nextId = 1;

  public Table(ModelSchema schema) {
    this.schema = schema;
  }

  public ModelSchema schema() {
    return schema;
  }

  /** A new, empty record with the next id. */
  public Record insert() {
    Record record = new Record(nextId++);
    rows.put(record.id(), record);
    return record;
  }

  /** A record with a given id (demo data); later inserts continue above it. */
  public Record insert(long id) {
    Record record = new Record(id);
    rows.put(id, record);
    nextId = Math.max(nextId, id + 1);
    return record;
  }

  /** Makes new records start at {@code id} at the earliest (ids never go down). */
  public void continueFrom(long id) {
    nextId = Math.max(nextId, id);
  }

  public Optional<Record> find(long id) {
    return Optional.ofNullable(rows.get(id));
  }

  /** All records in id order (a copy: callers may delete while iterating). */
  public List<Record> all() {
    return new ArrayList<>(rows.values());
  }

  public void delete(long id) {
    rows.remove(id);
  }

  /** Captures the rows and next id; running the result puts them back. */
  Runnable snapshot() {
    TreeMap<Long, Record> saved = new TreeMap<>();
    rows.forEach((id, record) -> saved.put(id, record.copy()));
    long savedNextId = nextId;
    return () -> {
      rows.clear();
      rows.putAll(saved);
      nextId = savedNextId;
    };
  }
}
