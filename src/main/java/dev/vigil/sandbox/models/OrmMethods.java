package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.models.AccessRules.Operation;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Values;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The methods every model answers over RPC, per version: {@code search}, {@code search_read},
 * {@code search_count}, {@code read}, {@code create}, {@code write}, {@code unlink},
 * {@code name_search}, {@code fields_get}, {@code check_access_rights}, and depending on the
 * version {@code name_get} (16), {@code has_access} (18+), {@code web_search_read} and
 * {@code web_read} (the 17+ specification form, or 16's {@code fields} form).
 */
final class OrmMethods {
  private static final String ORM = "BaseModel";
  private static final String WEB = "Base";

  private OrmMethods() {}

  static void register(ModelRegistry.Builder registry, Dialect dialect) {
    registry
        .generic(MethodSpec.onModel(ORM, "search", OrmMethods::search, "domain", "offset", "limit", "order"))
        .generic(MethodSpec.onModel(ORM, "search_read", OrmMethods::searchRead,
            "domain", "fields", "offset", "limit", "order"))
        .generic(MethodSpec.onModel(ORM, "search_count", (model, ids, args) ->
            count(model, args.array("domain"), args.integer("limit", null)), "domain", "limit"))
        .generic(MethodSpec.onRecords(ORM, "read", (model, ids, args) ->
            read(model, model.browse(ids), args.array("fields")), "fields", "load"))
        .generic(MethodSpec.onModel(ORM, "create", OrmMethods::create, "vals_list"))
        .generic(MethodSpec.onRecords(ORM, "write", (model, ids, args) -> {
          model.write(model.existing(ids), valuesArgument(args, "vals"));
          return true;
        }, "vals"))
        .generic(MethodSpec.onRecords(ORM, "unlink", (model, ids, args) -> {
          model.unlink(model.existing(ids));
          return true;
        }))
        .generic(MethodSpec.onModel(ORM, "name_search", OrmMethods::nameSearch,
            "name", "args", "operator", "limit", "domain"))
        .generic(MethodSpec.onModel(ORM, "fields_get", OrmMethods::fieldsGet, "allfields", "attributes"))
        .generic(MethodSpec.onModel(ORM, "check_access_rights", OrmMethods::checkAccessRights,
            "operation", "raise_exception"));
    if (dialect.hasNameGet()) {
      registry.generic(MethodSpec.onRecords(ORM, "name_get", (model, ids, args) -> pairs(model, model.browse(ids))));
    }
    if (dialect.hasHasAccess()) {
      registry.generic(MethodSpec.onRecords(ORM, "has_access", (model, ids, args) ->
          AccessRules.allowed(model.env().user(), model.name(), Operation.named(args.string("operation", "read")))
              && model.browse(ids).size() == ids.size(), "operation"));
    }
    if (dialect.usesWebSpecification()) {
      registry
          .generic(MethodSpec.onModel(WEB, "web_search_read", OrmMethods::webSearchRead,
              "domain", "specification", "offset", "limit", "order", "count_limit"))
          .generic(MethodSpec.onRecords(WEB, "web_read", (model, ids, args) ->
              webRecords(model, model.browse(ids), specification(args)), "specification"));
    } else {
      registry.generic(MethodSpec.onModel(WEB, "web_search_read", OrmMethods::legacyWebSearchRead,
          "domain", "fields", "offset", "limit", "order", "count_limit"));
    }
  }

  /** {@code search_read} in one go, as the 16 {@code /web/dataset/search_read} route needs it. */
  static JsonArray searchRead(Model model, JsonArray domain, JsonArray fields, int offset, Integer limit,
      String order) {
    return read(model, model.search(domain, offset, limit, order), fields);
  }

  static int count(Model model, JsonArray domain, Integer limit) {
    int found = model.search(domain).size();
    return limit == null ? found : Math.min(found, limit);
  }

  private static Object search(Model model, List<Long> ids, Arguments args) {
    List<Record> found = model.search(args.array("domain"), args.integer("offset", 0), args.integer("limit", null),
        args.string("order", null));
    return new JsonArray(found.stream().map(Record::id).toList());
  }

  private static Object searchRead(Model model, List<Long> ids, Arguments args) {
    return searchRead(model, args.array("domain"), args.array("fields"), args.integer("offset", 0),
        args.integer("limit", null), args.string("order", null));
  }

  private static JsonArray read(Model model, List<Record> records, JsonArray fields) {
    List<String> names = model.fieldsToRead(fields);
    JsonArray rows = new JsonArray();
    records.forEach(record -> rows.add(model.read(record, names)));
    return rows;
  }

  private static Object create(Model model, List<Long> ids, Arguments args) {
    Object given = args.value("vals_list");
    if (given instanceof JsonObject values) {
      return model.create(values);
    }
    if (given instanceof JsonArray list) {
      JsonArray created = new JsonArray();
      for (int i = 0; i < list.size(); i++) {
        created.add(model.create(list.getJsonObject(i)));
      }
      return created;
    }
    throw OdooErrors.typeError(ORM + ".create() missing 1 required positional argument: 'vals_list'");
  }

  private static JsonObject valuesArgument(Arguments args, String name) {
    JsonObject values = args.object(name);
    if (values == null) {
      throw OdooErrors.typeError(ORM + ".write() missing 1 required positional argument: '" + name + "'");
    }
    return values;
  }

  private static Object nameSearch(Model model, List<Long> ids, Arguments args) {
    String name = args.string("name", "");
    String operator = args.string("operator", "ilike");
    JsonArray domain = args.array("domain") != null ? args.array("domain") : args.array("args");
    JsonArray combined = domain == null ? new JsonArray() : domain.copy();
    if (!name.isEmpty()) {
      combined.add(new JsonArray().add("display_name").add(operator).add(name));
    }
    return pairs(model, model.search(combined, 0, args.integer("limit", 100), null));
  }

  private static JsonArray pairs(Model model, List<Record> records) {
    JsonArray pairs = new JsonArray();
    records.forEach(record -> pairs.add(new JsonArray().add(record.id()).add(model.displayName(record))));
    return pairs;
  }

  private static Object fieldsGet(Model model, List<Long> ids, Arguments args) {
    JsonArray only = args.array("allfields");
    JsonArray attributes = args.array("attributes");
    JsonObject result = new JsonObject();
    for (Field field : model.schema().fields()) {
      if (only == null || only.isEmpty() || only.contains(field.name())) {
        JsonObject description = describe(field);
        if (attributes != null && !attributes.isEmpty()) {
          description.fieldNames().removeIf(attribute -> !attributes.contains(attribute));
        }
        result.put(field.name(), description);
      }
    }
    return result;
  }

  private static JsonObject describe(Field field) {
    JsonObject description = new JsonObject()
        .put("type", field.type().odooName())
        .put("string", field.label())
        .put("required", field.required())
        .put("readonly", !field.stored() || field.name().equals("id"))
        .put("store", field.stored());
    if (field.relation() != null) {
      description.put("relation", field.relation());
    }
    if (field.type() == FieldType.SELECTION) {
      JsonArray options = new JsonArray();
      field.selection().forEach(value -> options.add(new JsonArray().add(value).add(value)));
      description.put("selection", options);
    }
    return description;
  }

  private static Object checkAccessRights(Model model, List<Long> ids, Arguments args) {
    Operation operation = Operation.named(args.string("operation", "read"));
    if (args.flag("raise_exception", true)) {
      AccessRules.check(model.env().user(), model.schema(), operation);
      return true;
    }
    return AccessRules.allowed(model.env().user(), model.name(), operation);
  }

  private static Object legacyWebSearchRead(Model model, List<Long> ids, Arguments args) {
    JsonArray domain = args.array("domain");
    JsonArray records = searchRead(model, domain, args.array("fields"), args.integer("offset", 0),
        args.integer("limit", null), args.string("order", null));
    return new JsonObject().put("length", count(model, domain, null)).put("records", records);
  }

  private static Object webSearchRead(Model model, List<Long> ids, Arguments args) {
    JsonArray domain = args.array("domain");
    List<Record> found = model.search(domain, args.integer("offset", 0), args.integer("limit", null),
        args.string("order", null));
    return new JsonObject()
        .put("length", count(model, domain, null))
        .put("records", webRecords(model, found, specification(args)));
  }

  private static JsonObject specification(Arguments args) {
    JsonObject specification = args.object("specification");
    return specification == null ? new JsonObject() : specification;
  }

  /**
   * Records as the 17+ web client reads them: the fields of {@code specification}, a many2one as
   * its id or, with sub-fields, as {@code {id, display_name}}, to-many fields as ids or nested
   * records.
   */
  private static JsonArray webRecords(Model model, List<Record> records, JsonObject specification) {
    model.fieldsToRead(new JsonArray(List.copyOf(specification.fieldNames())));
    JsonArray rows = new JsonArray();
    for (Record record : records) {
      JsonObject row = new JsonObject().put("id", record.id());
      for (String fieldName : specification.fieldNames()) {
        Field field = model.schema().field(fieldName).orElseThrow();
        JsonObject nested = specification.getJsonObject(fieldName, new JsonObject()).getJsonObject("fields");
        row.put(fieldName, webValue(model, field, record, nested));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object webValue(Model model, Field field, Record record, JsonObject nested) {
    Object value = Values.raw(model.env().store(), field, record);
    if (field.type() == FieldType.MANY2ONE) {
      if (value == null) {
        return false;
      }
      long id = ((Number) value).longValue();
      return nested == null ? id : new JsonObject().put("id", id)
          .put("display_name", model.env().store().displayName(field.relation(), id));
    }
    if (field.type().isToMany()) {
      @SuppressWarnings("unchecked")
      List<Long> childIds = (List<Long>) value;
      if (nested == null) {
        return new JsonArray(childIds);
      }
      Model children = model.model(field.relation());
      return webRecords(children, children.browse(childIds), nested);
    }
    return Values.render(model.env().store(), field, record);
  }
}
