package dev.vigil.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps the ids of records created during a recording to the ids the sandbox gave the same
 * records, so that a recording can be replayed in order against a fresh sandbox.
 *
 * <p>Ids are learned only where records are born: the result of {@code create}, an action's
 * {@code res_id}, a transfer's {@code move_ids}. They are translated only where a value is an id:
 * under the keys {@code id}, {@code *_id}, {@code *_ids}, in the record ids of a method on
 * records, in domain leaves on id fields, and in the id slot of x2many commands. Other numbers
 * (counts, quantities, limits, uids) are never touched, so they are still compared exactly, and
 * the ids of demo records are never learned, so they must match the recordings.
 */
final class ReplayIds {
  /** Methods whose first positional argument is not a list of record ids. */
  private static final Set<String> MODEL_METHODS = Set.of("create", "search", "search_read", "search_count",
      "name_search", "fields_get", "check_access_rights", "web_search_read");

  private final Map<Long, Long> ids = new HashMap<>();

  /** The recorded request with the recorded ids of created records replaced by the sandbox's. */
  JsonObject translateRequest(JsonObject request, String odooMethod) {
    JsonObject copy = request.copy();
    JsonObject params = copy.getJsonObject("params");
    if (params == null) {
      return copy;
    }
    for (String key : params.fieldNames()) {
      Object value = params.getValue(key);
      if (key.equals("args") && value instanceof JsonArray args) {
        params.put(key, translateArgs(args, odooMethod, params.containsKey("model")));
      } else {
        params.put(key, translate(value, idKey(key)));
      }
    }
    return copy;
  }

  /** The recorded result with learned ids translated; {@code odooMethod} decides the top level. */
  Object translateResult(Object result, String odooMethod) {
    return translate(result, "create".equals(odooMethod) || "search".equals(odooMethod));
  }

  /** Learns the ids born in this result: {@code create} results, {@code res_id}, {@code move_ids}. */
  void learn(Object recorded, Object actual, String odooMethod) {
    if ("create".equals(odooMethod)) {
      pair(recorded, actual);
    }
    learnNested(recorded, actual);
  }

  /** call_kw args ({@code model} given), or execute_kw args {@code [db, uid, pw, model, method, args, kwargs]}. */
  private JsonArray translateArgs(JsonArray args, String odooMethod, boolean callKw) {
    JsonArray copy = args.copy();
    if (callKw) {
      for (int i = 0; i < copy.size(); i++) {
        copy.set(i, translate(copy.getValue(i), i == 0 && !MODEL_METHODS.contains(odooMethod)));
      }
    } else if (copy.size() > 5 && copy.getValue(5) instanceof JsonArray positional) {
      copy.set(5, translateArgs(positional, odooMethod, true));
      if (copy.size() > 6) {
        copy.set(6, translate(copy.getValue(6), false));
      }
    }
    return copy;
  }

  private Object translate(Object value, boolean isId) {
    if (value instanceof Integer || value instanceof Long) {
      long id = ((Number) value).longValue();
      return isId ? ids.getOrDefault(id, id) : value;
    }
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(entry -> copy.put(entry.getKey(), translate(entry.getValue(), idKey(entry.getKey()))));
      return copy;
    }
    if (value instanceof JsonArray list) {
      return translateList(list, isId);
    }
    return value;
  }

  private JsonArray translateList(JsonArray list, boolean isId) {
    JsonArray copy = new JsonArray();
    if (isLeaf(list)) {
      return copy.add(list.getValue(0)).add(list.getValue(1)).add(translate(list.getValue(2), idKey(list.getString(0))));
    }
    for (Object item : list) {
      if (isId && item instanceof JsonArray command && isCommand(command)) {
        JsonArray translated = new JsonArray().add(command.getValue(0)).add(translate(command.getValue(1), true));
        if (command.size() == 3) {
          translated.add(translate(command.getValue(2), true));
        }
        copy.add(translated);
      } else {
        copy.add(translate(item, isId));
      }
    }
    return copy;
  }

  /** A domain leaf: {@code [field, operator, value]}. */
  private static boolean isLeaf(JsonArray list) {
    return list.size() == 3 && list.getValue(0) instanceof String && list.getValue(1) instanceof String;
  }

  /** An x2many command: {@code [code, id]} or {@code [code, id, values]}, code 0 to 6. */
  private static boolean isCommand(JsonArray list) {
    return (list.size() == 2 || list.size() == 3) && list.getValue(0) instanceof Number code
        && code.intValue() >= 0 && code.intValue() <= 6 && list.getValue(1) instanceof Number;
  }

  private void learnNested(Object recorded, Object actual) {
    if (recorded instanceof JsonObject expected && actual instanceof JsonObject given) {
      for (String key : expected.fieldNames()) {
        if (key.equals("res_id") || key.equals("move_ids")) {
          pair(expected.getValue(key), given.getValue(key));
        } else {
          learnNested(expected.getValue(key), given.getValue(key));
        }
      }
    } else if (recorded instanceof JsonArray expected && actual instanceof JsonArray given) {
      for (int i = 0; i < Math.min(expected.size(), given.size()); i++) {
        learnNested(expected.getValue(i), given.getValue(i));
      }
    }
  }

  private void pair(Object recorded, Object actual) {
    if ((recorded instanceof Integer || recorded instanceof Long) && actual instanceof Number given) {
      ids.put(((Number) recorded).longValue(), given.longValue());
    } else if (recorded instanceof JsonArray expected && actual instanceof JsonArray given
        && expected.size() == given.size()) {
      for (int i = 0; i < expected.size(); i++) {
        pair(expected.getValue(i), given.getValue(i));
      }
    }
  }

  private static boolean idKey(String key) {
    return key.equals("id") || key.endsWith("_id") || key.endsWith("_ids");
  }
}
