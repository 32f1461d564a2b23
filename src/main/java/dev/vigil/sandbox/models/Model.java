package dev.vigil.sandbox.models;

import dev.vigil.sandbox.models.AccessRules.Operation;
import dev.vigil.sandbox.orm.DomainFilter;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.OrderBy;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import dev.vigil.sandbox.orm.Table;
import dev.vigil.sandbox.orm.Values;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The ORM API of one model in one {@link Env}, like Odoo's {@code env['model']}: search, browse,
 * read, create, write and unlink with Odoo's checks (access rights, unknown fields, missing
 * records, selection values, required fields) and the model's {@link ModelHooks}.
 */
public final class Model {
  private final Env env;
  private final ModelSchema schema;
  private final Table table;
  private final ModelHooks hooks;

  Model(Env env, String name) {
    this.env = env;
    this.table = env.store().table(name);
    this.schema = table.schema();
    this.hooks = env.db().registry().hooks(name);
  }

  public Env env() {
    return env;
  }

  public String name() {
    return schema.name();
  }

  public ModelSchema schema() {
    return schema;
  }

  /** Another model in the same environment. */
  public Model model(String other) {
    return env.model(other);
  }

  // --- reading ----------------------------------------------------------------------------

  /**
   * The records matching {@code domain}, ordered, paged. Archived records are left out unless the
   * domain mentions {@code active} or the context says {@code active_test: false}.
   */
  public List<Record> search(JsonArray domain, int offset, Integer limit, String order) {
    AccessRules.check(env.user(), schema, Operation.READ);
    Store store = env.store();
    Predicate<Record> matches = DomainFilter.compile(store, schema, domain);
    if (schema.has("active") && !DomainFilter.mentions(domain, "active")
        && !Boolean.FALSE.equals(env.context().getValue("active_test"))) {
      matches = matches.and(record -> record.flag("active"));
    }
    Stream<Record> found = table.all().stream().filter(matches)
        .sorted(OrderBy.compile(store, schema, order)).skip(Math.max(offset, 0));
    return (limit == null ? found : found.limit(limit)).toList();
  }

  /** All records matching {@code domain}, in the default order. */
  public List<Record> search(JsonArray domain) {
    return search(domain, 0, null, null);
  }

  /** The existing records among {@code ids}, in the given order, without duplicates. */
  public List<Record> browse(Collection<Long> ids) {
    return new LinkedHashSet<>(ids).stream().flatMap(id -> table.find(id).stream()).toList();
  }

  /**
   * The records with {@code ids}, all of which must exist.
   *
   * @throws dev.vigil.sandbox.orm.OdooError {@code MissingError} naming the missing ids
   */
  public List<Record> existing(Collection<Long> ids) {
    List<Long> missing = new LinkedHashSet<>(ids).stream().filter(id -> table.find(id).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw OdooErrors.missingError(name(), new ArrayList<>(ids), env.user().uid());
    }
    return browse(ids);
  }

  /** One record that must exist. */
  public Record record(long id) {
    return existing(List.of(id)).get(0);
  }

  /**
   * The field names to read: the requested ones (checked), or all fields when none are given.
   *
   * @throws dev.vigil.sandbox.orm.OdooError {@code ValueError} for an unknown field
   */
  public List<String> fieldsToRead(JsonArray requested) {
    if (requested == null || requested.isEmpty()) {
      return schema.fields().stream().map(Field::name).toList();
    }
    List<String> names = requested.stream().map(String::valueOf).toList();
    requireFields(names);
    return names;
  }

  /** One record as {@code read()} returns it: {@code id} first, then the fields. */
  public JsonObject read(Record record, List<String> fieldNames) {
    AccessRules.check(env.user(), schema, Operation.READ);
    JsonObject row = new JsonObject().put("id", record.id());
    for (String fieldName : fieldNames) {
      row.put(fieldName, Values.render(env.store(), field(fieldName), record));
    }
    return row;
  }

  public String displayName(Record record) {
    return schema.displayName(env.store(), record);
  }

  // --- writing ----------------------------------------------------------------------------

  /**
   * Creates a record: context {@code default_*} values and field defaults fill what
   * {@code values} leaves out; to-many fields take Odoo's commands ({@code [[0, 0, {...}]]}).
   *
   * @return the new record's id
   */
  public long create(JsonObject values) {
    AccessRules.check(env.user(), schema, Operation.CREATE);
    requireFields(values.fieldNames());
    JsonObject complete = values.copy();
    contextDefaults(complete);
    hooks.prepareCreate(this, complete);
    Record record = table.insert();
    for (Field field : schema.fields()) {
      if (field.stored() && !field.type().isToMany() && !field.name().equals("id")) {
        Object given = complete.containsKey(field.name()) ? complete.getValue(field.name()) : field.defaultValue();
        record.set(field.name(), Values.coerce(name(), field, given));
        if (field.required() && record.get(field.name()) == null) {
          throw missingRequired(field);
        }
      }
    }
    writeToMany(record, complete);
    hooks.afterCreate(this, record);
    return record.id();
  }

  /** Writes {@code values} on {@code records}. */
  public void write(List<Record> records, JsonObject values) {
    AccessRules.check(env.user(), schema, Operation.WRITE);
    requireFields(values.fieldNames());
    JsonObject complete = values.copy();
    hooks.prepareWrite(this, records, complete);
    for (Record record : records) {
      for (String fieldName : complete.fieldNames()) {
        Field field = field(fieldName);
        if (field.stored() && !field.type().isToMany() && !fieldName.equals("id")) {
          record.set(fieldName, Values.coerce(name(), field, complete.getValue(fieldName)));
        }
      }
      writeToMany(record, complete);
    }
  }

  /** Deletes {@code records} and, with them, their one2many lines. */
  public void unlink(List<Record> records) {
    AccessRules.check(env.user(), schema, Operation.UNLINK);
    hooks.beforeUnlink(this, records);
    records.forEach(record -> delete(env.store(), schema, record));
  }

  private static void delete(Store store, ModelSchema schema, Record record) {
    for (Field field : schema.fields()) {
      if (field.type() == FieldType.ONE2MANY && field.stored()) {
        ModelSchema childSchema = store.schema(field.relation());
        store.children(field, record.id()).forEach(child -> delete(store, childSchema, child));
      }
    }
    store.table(schema.name()).delete(record.id());
  }

  private void writeToMany(Record record, JsonObject values) {
    for (String fieldName : values.fieldNames()) {
      Field field = field(fieldName);
      if (field.type().isToMany() && field.stored()) {
        Commands.apply(this, record, field, values.getValue(fieldName));
      }
    }
  }

  private void contextDefaults(JsonObject values) {
    env.context().forEach(entry -> {
      String key = entry.getKey();
      if (key.startsWith("default_")) {
        String fieldName = key.substring("default_".length());
        if (schema.has(fieldName) && !values.containsKey(fieldName)) {
          values.put(fieldName, entry.getValue());
        }
      }
    });
  }

  private void requireFields(Collection<String> names) {
    for (String fieldName : names) {
      if (!schema.has(fieldName)) {
        throw OdooErrors.valueError("Invalid field '" + fieldName + "' on model '" + name() + "'");
      }
    }
  }

  private Field field(String fieldName) {
    return schema.field(fieldName)
        .orElseThrow(() -> OdooErrors.valueError("Invalid field '" + fieldName + "' on model '" + name() + "'"));
  }

  private RuntimeException missingRequired(Field field) {
    return OdooErrors.validationError("The operation cannot be completed:\n"
        + "- Create/update: a mandatory field is not set.\n"
        + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
        + "Model: " + schema.description() + " (" + name() + ")\nField: " + field.label() + " (" + field.name() + ")");
  }
}
