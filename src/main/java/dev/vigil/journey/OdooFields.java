package dev.vigil.journey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields shared by the Odoo actions ({@code model}, {@code method}, {@code ids},
 * {@code domain}, {@code values}, {@code context}, {@code follow}), read the same way everywhere.
 * Every reader returns a harmless stand-in after reporting a problem, so reading goes on.
 */
final class OdooFields {
  private static final Pattern MODEL = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  private static final Pattern METHOD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SINGLE_TEMPLATE = Pattern.compile("\\$\\{[^}]*}");
  private static final String IDS =
      "a list of ids (whole numbers or ${...}) or one ${...} template that renders to a list";

  private OdooFields() {}

  /** {@code model}: an Odoo model name such as {@code res.partner}, or a template. */
  static Object model(YamlMap body, JourneyReferences references) {
    Optional<YamlValue> value = body.required("model");
    Optional<String> model = value.flatMap(YamlValue::nonBlankText);
    if (model.isEmpty()) {
      return "";
    }
    if (model.get().contains("${")) {
      return references.templated(value.get());
    }
    if (!MODEL.matcher(model.get()).matches()) {
      value.get().problem("'" + model.get() + "' is not an Odoo model name such as res.partner");
    }
    return model.get();
  }

  /** {@code method}: the name of a Python method of the model. */
  static String method(YamlMap body) {
    Optional<YamlValue> value = body.required("method");
    Optional<String> method = value.flatMap(YamlValue::text);
    if (method.isPresent() && !METHOD.matcher(method.get()).matches()) {
      value.get().problem("'" + method.get() + "' is not a method name such as action_post");
    }
    return method.orElse("");
  }

  /** {@code ids}: a list of ids or templates, or one template that renders to a list. */
  static Object ids(YamlMap body, JourneyReferences references) {
    Optional<YamlValue> value = body.required("ids");
    if (value.isEmpty()) {
      return List.of();
    }
    YamlValue ids = value.get();
    if (ids.isList()) {
      ids.list().orElseThrow().stream()
          .filter(id -> !id.isWholeNumber() && !isSingleTemplate(id))
          .forEach(id -> id.expected("an id (a whole number or one ${...} template)"));
    } else if (!isSingleTemplate(ids)) {
      ids.expected(IDS);
      return List.of();
    }
    return references.templated(ids);
  }

  private static boolean isSingleTemplate(YamlValue value) {
    return value.isText() && SINGLE_TEMPLATE.matcher(value.scalarText().strip()).matches();
  }

  /** {@code domain}: a search domain, a list such as {@code [[name, "=", X]]}. */
  static Object domain(YamlValue domain, JourneyReferences references) {
    return domain.list().map(list -> references.templated(domain)).orElse(List.of());
  }

  /** {@code values}: field values of a record, a map. */
  static Object values(YamlMap body, JourneyReferences references) {
    return body.required("values").flatMap(YamlValue::map)
        .map(map -> references.templated(map.self())).orElse(Map.of());
  }

  /** {@code fields}: a list of field names. */
  static List<Object> fieldNames(YamlValue fields) {
    return fields.listOf(field -> field.nonBlankText().orElse("")).orElse(List.of());
  }

  /** Puts {@code context}, when given, into the call's keyword arguments. */
  static void context(YamlMap body, JourneyReferences references, Map<String, Object> kwargs) {
    body.get("context").flatMap(YamlValue::map)
        .ifPresent(context -> kwargs.put("context", references.templated(context.self())));
  }

  /** {@code follow}: wizard model to the method that completes it; empty when absent. */
  static Map<String, String> follow(YamlMap body) {
    Map<String, String> follow = new LinkedHashMap<>();
    body.get("follow").ifPresent(value -> {
      if (!value.isMap()) {
        value.expected("a map of wizard model to method, e.g. {stock.immediate.transfer: process}");
        return;
      }
      value.map().orElseThrow().entries().forEach((model, method) -> {
        if (!MODEL.matcher(model).matches()) {
          method.problem("'" + model + "' is not an Odoo model name such as stock.immediate.transfer");
        }
        method.text().ifPresent(name -> {
          if (!METHOD.matcher(name).matches()) {
            method.problem("'" + name + "' is not a method name such as process");
          }
          follow.put(model, name);
        });
      });
    });
    return follow;
  }
}
