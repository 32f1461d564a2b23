package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.ProductKind;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import dev.vigil.sandbox.orm.Table;
import dev.vigil.sandbox.orm.Values;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The demo records every sandbox database starts with ({@code sandbox/demo-data.json}), by Odoo
 * module: a database gets the records of its installed modules, in the version's spelling.
 * Immutable; {@link #load()} reads the classpath and so blocks: call it off the event loop.
 */
public final class DemoData {
  private static final String RESOURCE = "sandbox/demo-data.json";
  private static final Set<String> MARKERS = Set.of("id", "since", "until", "kind");

  private final JsonObject data;

  private DemoData(JsonObject data) {
    this.data = data;
  }

  /**
   * Reads the bundled demo data.
   *
   * @throws UncheckedIOException when the resource cannot be read
   */
  public static DemoData load() {
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing classpath resource " + RESOURCE));
      }
      return new DemoData(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills a new database: the records of its installed modules that apply to its version, the
   * first ids of new records, the sequences, and the state of each module.
   *
   * @throws IllegalStateException when a record names a field its model lacks (a demo-data bug)
   */
  void fill(Database db) {
    Store store = db.store();
    JsonObject modules = data.getJsonObject("modules");
    for (String module : modules.fieldNames()) {
      if (db.modules().contains(module)) {
        JsonObject models = modules.getJsonObject(module);
        models.fieldNames().forEach(model -> models.getJsonArray(model).forEach(row ->
            put(db, store.table(model), (JsonObject) row)));
      }
    }
    JsonObject nextIds = data.getJsonObject("next_ids");
    nextIds.fieldNames().stream().filter(store::has)
        .forEach(model -> store.table(model).continueFrom(nextIds.getLong(model)));
    JsonObject sequences = data.getJsonObject("sequences");
    sequences.fieldNames().forEach(code -> store.startSequence(code, sequences.getLong(code)));
    store.table("ir.module.module").all().forEach(module ->
        module.set("state", db.modules().contains(module.string("name")) ? "installed" : "uninstalled"));
  }

  /** Inserts the record, or adds values to an existing one (a module extending another's record). */
  private static void put(Database db, Table table, JsonObject row) {
    int major = db.dialect().major();
    if (row.getInteger("since", 0) > major || row.getInteger("until", Integer.MAX_VALUE) < major) {
      return;
    }
    ModelSchema schema = table.schema();
    JsonObject values = new JsonObject();
    row.forEach(entry -> {
      if (!MARKERS.contains(entry.getKey())) {
        values.put(entry.getKey(), entry.getValue());
      }
    });
    if (row.containsKey("kind")) {
      values.mergeIn(db.dialect().productTypes().valuesFor(ProductKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT))));
    }
    long id = row.getLong("id");
    boolean extending = table.find(id).isPresent();
    Record record = table.find(id).orElseGet(() -> table.insert(id));
    for (String name : values.fieldNames()) {
      Field field = schema.field(name)
          .orElseThrow(() -> new IllegalStateException("demo data: no field " + name + " on " + schema.name()));
      record.set(name, Values.coerce(schema.name(), field, values.getValue(name)));
    }
    if (!extending) {
      for (Field field : schema.fields()) {
        if (field.stored() && field.defaultValue() != null && !values.containsKey(field.name())) {
          record.set(field.name(), Values.coerce(schema.name(), field, field.defaultValue()));
        }
      }
    }
  }
}
