package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one call, bound to the method's parameter names the way Python binds them:
 * positional first, then keywords; too many positionals or an unknown keyword is a
 * {@code TypeError}.
 */
final class Arguments {
  private final Map<String, Object> values;

  private Arguments(Map<String, Object> values) {
    this.values = values;
  }

  /** Binds {@code positional} and {@code keywords} (without {@code context}) to {@code spec}'s parameters. */
  public static Arguments bind(MethodSpec spec, List<Object> positional, JsonObject keywords) {
    String signature = spec.owner() + "." + spec.name() + "()";
    List<String> params = spec.params();
    if (positional.size() > params.size()) {
      // Python counts self among the positional arguments
      throw OdooErrors.typeError(signature + " takes " + (params.size() + 1) + " positional arguments but "
          + (positional.size() + 1) + " were given");
    }
    Map<String, Object> bound = new LinkedHashMap<>();
    for (int i = 0; i < positional.size(); i++) {
      bound.put(params.get(i), positional.get(i));
    }
    for (String key : keywords.fieldNames()) {
      if (!params.contains(key)) {
        throw OdooErrors.typeError(signature + " got an unexpected keyword argument '" + key + "'");
      }
      if (bound.containsKey(key)) {
        throw OdooErrors.typeError(signature + " got multiple values for argument '" + key + "'");
      }
      bound.put(key, keywords.getValue(key));
    }
    return new Arguments(bound);
  }

  /** The argument's value, or null when it was not given (or given as None). */
  public Object value(String name) {
    return values.get(name);
  }

  /** A list argument, null when not given; {@code false} counts as not given. */
  public JsonArray array(String name) {
    Object value = values.get(name);
    return value instanceof JsonArray array ? array : null;
  }

  /** A dict argument, null when not given. */
  public JsonObject object(String name) {
    Object value = values.get(name);
    return value instanceof JsonObject object ? object : null;
  }

  public String string(String name, String fallback) {
    Object value = values.get(name);
    return value instanceof String text ? text : fallback;
  }

  /** An integer argument; null, {@code false} or absent give {@code fallback}. */
  public Integer integer(String name, Integer fallback) {
    Object value = values.get(name);
    return value instanceof Number number ? Integer.valueOf(number.intValue()) : fallback;
  }

  public boolean flag(String name, boolean fallback) {
    Object value = values.get(name);
    return value instanceof Boolean flag ? flag : fallback;
  }
}
