package dev.vigil.journey;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML map being read: its entries in file order, each a {@link YamlValue} with its own position
 * and field path. Keys that were refused (unknown or written twice) are already reported and absent.
 */
final class YamlMap {
  private final YamlValue self;
  private final Map<String, YamlValue> values;
  private final Map<String, YamlValue> keys;

  YamlMap(YamlValue self, Map<String, YamlValue> values, Map<String, YamlValue> keys) {
    this.self = self;
    this.values = values;
    this.keys = keys;
  }

  /** The map itself, e.g. to report a problem about it as a whole. */
  YamlValue self() {
    return self;
  }

  Optional<YamlValue> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The value of a key that must be there; its absence is reported. */
  Optional<YamlValue> required(String key) {
    if (!values.containsKey(key)) {
      self.problemWith(key, "missing required key '" + key + "'");
    }
    return get(key);
  }

  /** The keys present, in file order. */
  Set<String> keys() {
    return values.keySet();
  }

  /** The entries, in file order. */
  Map<String, YamlValue> entries() {
    return values;
  }

  /** The key itself (its position, not its value's): for problems with the key. */
  YamlValue keyOf(String key) {
    return keys.get(key);
  }
}
