package dev.vigil.odoo;

import static java.util.Map.entry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Names the positional arguments of a call for Odoo 19's {@code /json/2}, which takes named
 * arguments only. Model-level methods name their arguments by the table below; every other method
 * is a record method: {@code args[0]} becomes {@code ids} (a single id is wrapped in a list), and
 * further positional arguments are named by the record table when the method is in it. kwargs are
 * merged in as they are. Pure functions, any thread.
 *
 * <p>A call json/2 cannot express (more positional arguments than the table names, or an argument
 * given both by position and by name) fails with a VALIDATION fault before anything is sent:
 * journeys then pass those arguments as kwargs.
 */
final class Json2Arguments {

  /** Methods decorated {@code @api.model} (no ids), with their parameter names in order. */
  private static final Map<String, List<String>> MODEL_METHODS =
      Map.ofEntries(
          entry("search_read", List.of("domain", "fields", "offset", "limit", "order")),
          entry("search", List.of("domain", "offset", "limit", "order")),
          entry("search_count", List.of("domain", "limit")),
          entry("search_fetch", List.of("domain", "field_names", "offset", "limit", "order")),
          entry("web_search_read",
              List.of("domain", "specification", "offset", "limit", "order", "count_limit")),
          entry("read_group",
              List.of("domain", "fields", "groupby", "offset", "limit", "orderby", "lazy")),
          entry("create", List.of("vals_list")),
          entry("name_search", List.of("name", "domain", "operator", "limit")),
          entry("name_create", List.of("name")),
          entry("fields_get", List.of("allfields", "attributes")),
          entry("default_get", List.of("fields_list")),
          entry("check_access_rights", List.of("operation", "raise_exception")),
          entry("has_access", List.of("operation")),
          entry("context_get", List.of()));

  /** Record methods whose arguments after {@code ids} have known names. */
  private static final Map<String, List<String>> RECORD_METHODS =
      Map.ofEntries(
          entry("read", List.of("fields", "load")),
          entry("write", List.of("vals")),
          entry("unlink", List.of()),
          entry("copy", List.of("default")),
          entry("web_read", List.of("specification")));

  private Json2Arguments() {}

  /**
   * The request body for {@code model.method(*args, **kwargs)}.
   *
   * @throws OdooFault VALIDATION when the arguments cannot be named
   */
  static JsonObject body(String model, String method, List<Object> args, Map<String, Object> kwargs) {
    String what = model + "." + method;
    JsonObject body = new JsonObject();
    List<String> modelNames = MODEL_METHODS.get(method);
    if (modelNames != null) {
      name(what, body, modelNames, args);
    } else if (!args.isEmpty()) {
      body.put("ids", ids(args.get(0)));
      List<String> names = RECORD_METHODS.getOrDefault(method, List.of());
      name(what, body, names, args.subList(1, args.size()));
    }
    for (Map.Entry<String, Object> kwarg : kwargs.entrySet()) {
      if (body.containsKey(kwarg.getKey())) {
        throw OdooFaults.badCall(what, "argument '" + kwarg.getKey()
            + "' is given both by position and by name");
      }
      body.put(kwarg.getKey(), JsonValues.wrap(kwarg.getValue()));
    }
    return body;
  }

  private static void name(String what, JsonObject body, List<String> names, List<Object> values) {
    if (values.size() > names.size()) {
      throw OdooFaults.badCall(what, "json/2 takes named arguments only and the name of positional"
          + " argument " + (names.size() + 1) + " is not known: pass it in kwargs");
    }
    for (int i = 0; i < values.size(); i++) {
      body.put(names.get(i), JsonValues.wrap(values.get(i)));
    }
  }

  private static Object ids(Object first) {
    if (first instanceof Number id) {
      return new JsonArray().add(id);
    }
    return JsonValues.wrap(first);
  }
}
