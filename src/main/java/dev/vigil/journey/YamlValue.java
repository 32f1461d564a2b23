package dev.vigil.journey;

import dev.vigil.domain.SourcePos;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of a YAML file being read: where it was written (file, 1-based line and column), its
 * field path ({@code steps[2].read.ids}) and where its problems go. The typed readers report a
 * problem naming what was expected and return empty when the node does not fit, so that reading
 * goes on and every problem of a file is found in one pass.
 */
final class YamlValue {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private final Node node;
  private final String file;
  private final String path;
  private final Problems problems;

  YamlValue(Node node, String file, String path, Problems problems) {
    this.node = node;
    this.file = file;
    this.path = path;
    this.problems = problems;
  }

  SourcePos pos() {
    return node.getStartMark()
        .map(m -> new SourcePos(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourcePos.none(file));
  }

  String path() {
    return path;
  }

  /** Reports a problem with this value. */
  void problem(String message) {
    problems.add(pos(), path, message);
  }

  /** Reports a problem with a field of this value that is not there. */
  void problemWith(String key, String message) {
    problems.add(pos(), childPath(key), message);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  boolean isList() {
    return node instanceof SequenceNode;
  }

  boolean isNull() {
    return hasTag(Tag.NULL);
  }

  boolean isText() {
    return hasTag(Tag.STR) || hasTag(Tag.ENV_TAG);
  }

  boolean isWholeNumber() {
    return hasTag(Tag.INT);
  }

  boolean isNumber() {
    return hasTag(Tag.INT) || hasTag(Tag.FLOAT);
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** The text of a scalar as written, whatever its type; callers check the type first. */
  String scalarText() {
    return ((ScalarNode) node).getValue();
  }

  /** Whether this is a map holding the key (without reporting anything). */
  boolean hasKey(String key) {
    return node instanceof MappingNode map
        && map.getValue().stream()
            .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key));
  }

  /**
   * The keys of a map as written, without reading or reporting anything (for values whose keys
   * must not be echoed); a key that is not a scalar shows as null. Empty for anything else.
   */
  List<String> rawKeys() {
    if (!(node instanceof MappingNode map)) {
      return List.of();
    }
    return map.getValue().stream()
        .map(t -> t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null)
        .collect(Collectors.toList());
  }

  /** What this value is, for messages: "a map", "a list", "text", "a whole number", ... */
  String kind() {
    if (isMap()) {
      return "a map";
    }
    if (isList()) {
      return "a list";
    }
    if (isText()) {
      return "text";
    }
    if (isNull()) {
      return "nothing (null)";
    }
    if (hasTag(Tag.INT)) {
      return "a whole number";
    }
    if (hasTag(Tag.FLOAT)) {
      return "a number";
    }
    if (hasTag(Tag.BOOL)) {
      return "true or false";
    }
    return "a value tagged " + node.getTag().getValue();
  }

  /** Reports that something else was expected here. Always empty. */
  <T> Optional<T> expected(String what) {
    problem("expected " + what + ", found " + kind());
    return Optional.empty();
  }

  Optional<String> text() {
    return isText() ? Optional.of(scalarText()) : expected("text");
  }

  /** Text that is not blank. */
  Optional<String> nonBlankText() {
    Optional<String> text = text();
    if (text.isPresent() && text.get().isBlank()) {
      problem("must not be empty");
      return Optional.empty();
    }
    return text;
  }

  Optional<Boolean> bool() {
    return hasTag(Tag.BOOL)
        ? Optional.of(Boolean.parseBoolean(scalarText().toLowerCase(Locale.ROOT)))
        : expected("true or false");
  }

  Optional<Integer> integer() {
    if (!hasTag(Tag.INT)) {
      return expected("a whole number");
    }
    Object number = plain();
    if (number instanceof Integer i) {
      return Optional.of(i);
    }
    problem("the number is too large (at most " + Integer.MAX_VALUE + ")");
    return Optional.empty();
  }

  /** A duration above zero, such as {@code 30s}. */
  Optional<Duration> duration() {
    if (!isText()) {
      return expected("a duration such as 500ms, 30s, 5m or 1h");
    }
    try {
      Duration d = Durations.parse(scalarText());
      if (d.isZero()) {
        problem("a duration must be more than zero, found " + scalarText());
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return Optional.empty();
    }
  }

  Optional<List<YamlValue>> list() {
    if (!(node instanceof SequenceNode seq)) {
      return expected("a list");
    }
    List<YamlValue> items = new ArrayList<>();
    List<Node> nodes = seq.getValue();
    for (int i = 0; i < nodes.size(); i++) {
      items.add(new YamlValue(nodes.get(i), file, path + "[" + i + "]", problems));
    }
    return Optional.of(items);
  }

  /** A list with at least one item. */
  Optional<List<YamlValue>> nonEmptyList() {
    Optional<List<YamlValue>> items = list();
    if (items.isPresent() && items.get().isEmpty()) {
      problem("must hold at least one item");
      return Optional.empty();
    }
    return items;
  }

  /**
   * A list whose items are converted by {@code convert} (e.g. to plain trees); null items are
   * reported and left out, because the domain's lists hold no nulls (as are items that converted
   * to null after a reported problem).
   */
  Optional<List<Object>> listOf(Function<YamlValue, Object> convert) {
    return list().map(items -> {
      List<Object> out = new ArrayList<>();
      items.stream().filter(YamlValue::isNotNullHere).map(convert).filter(Objects::nonNull)
          .forEach(out::add);
      return out;
    });
  }

  /**
   * A map (any keys) whose values are converted by {@code convert}; null values are reported and
   * left out, because the domain's maps hold no nulls (as are values that converted to null after
   * a reported problem).
   */
  Optional<Map<String, Object>> mapOf(Function<YamlValue, Object> convert) {
    return map().map(map -> {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries().forEach((key, value) -> {
        Object converted = value.isNotNullHere() ? convert.apply(value) : null;
        if (converted != null) {
          out.put(key, converted);
        }
      });
      return out;
    });
  }

  private boolean isNotNullHere() {
    if (isNull()) {
      problem("null is not allowed here: leave the entry out, or write false for an empty Odoo field");
      return false;
    }
    return true;
  }

  /** A map whose keys are among {@code allowedKeys}; each other key is reported and left out. */
  Optional<YamlMap> map(Collection<String> allowedKeys) {
    if (!(node instanceof MappingNode mapping)) {
      return expected("a map with the keys " + String.join(", ", allowedKeys));
    }
    return Optional.of(entries(mapping, allowedKeys));
  }

  /** A map with any keys (e.g. Odoo field values). */
  Optional<YamlMap> map() {
    return node instanceof MappingNode mapping
        ? Optional.of(entries(mapping, null))
        : expected("a map");
  }

  private YamlMap entries(MappingNode mapping, Collection<String> allowedKeys) {
    Map<String, YamlValue> values = new LinkedHashMap<>();
    Map<String, YamlValue> keys = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      YamlValue key = new YamlValue(tuple.getKeyNode(), file, path, problems);
      if (!key.isScalar() || key.isNull()) {
        key.problem("a key must be a name, found " + key.kind());
        continue;
      }
      String name = key.scalarText();
      YamlValue keyAtPath = new YamlValue(tuple.getKeyNode(), file, childPath(name), problems);
      if (keys.containsKey(name)) {
        keyAtPath.problem(
            "key '" + name + "' is written twice (first at line " + keys.get(name).pos().line() + ")");
      } else if (allowedKeys != null && !allowedKeys.contains(name)) {
        keyAtPath.problem(Suggestions.unknown("key", name, allowedKeys));
      } else {
        keys.put(name, keyAtPath);
        values.put(name, new YamlValue(tuple.getValueNode(), file, childPath(name), problems));
      }
    }
    return new YamlMap(this, values, keys);
  }

  /** {@code path.key}, or {@code path["key"]} for keys such as Odoo model names with dots. */
  private String childPath(String key) {
    if (!SIMPLE_KEY.matcher(key).matches()) {
      return path + "[\"" + key + "\"]";
    }
    return path.isEmpty() ? key : path + "." + key;
  }

  /** This value as a plain Java tree (maps, lists, strings, Integer/Long, Double, Boolean, null). */
  Object plain() {
    return plain((value, text) -> {});
  }

  /**
   * This value as a plain Java tree, showing every text in it (with its own position) to
   * {@code onText}: how templates inside values are found.
   */
  Object plain(BiConsumer<YamlValue, String> onText) {
    return plain(onText, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private Object plain(BiConsumer<YamlValue, String> onText, Set<Node> ancestors) {
    if (!ancestors.add(node)) {
      problem("a YAML alias refers to itself; recursive values are not supported");
      return null;
    }
    try {
      if (node instanceof MappingNode mapping) {
        Map<String, Object> out = new LinkedHashMap<>();
        entries(mapping, null).entries()
            .forEach((key, value) -> out.put(key, value.plain(onText, ancestors)));
        return out;
      }
      if (node instanceof SequenceNode) {
        List<Object> out = new ArrayList<>();
        list().orElseThrow().forEach(item -> out.add(item.plain(onText, ancestors)));
        return out;
      }
      return scalar(onText);
    } finally {
      ancestors.remove(node);
    }
  }

  private Object scalar(BiConsumer<YamlValue, String> onText) {
    if (isText()) {
      onText.accept(this, scalarText());
      return scalarText();
    }
    if (isNull()) {
      return null;
    }
    if (hasTag(Tag.BOOL)) {
      return bool().orElseThrow();
    }
    if (hasTag(Tag.INT)) {
      return wholeNumber(scalarText());
    }
    if (hasTag(Tag.FLOAT)) {
      return decimal(scalarText());
    }
    problem("unsupported YAML tag " + node.getTag().getValue() + ": write plain values");
    return null;
  }

  private Object wholeNumber(String text) {
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    int radix = 10;
    if (digits.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    }
    BigInteger value = new BigInteger(digits, radix);
    value = text.startsWith("-") ? value.negate() : value;
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    problem("the number " + text + " is too large (more than 64 bits)");
    return 0;
  }

  private Object decimal(String text) {
    if (text.contains(".inf") || text.contains(".Inf") || text.contains(".INF")
        || text.equalsIgnoreCase(".nan")) {
      problem("expected a finite number, found " + text);
      return 0.0;
    }
    return Double.parseDouble(text);
  }

  private boolean hasTag(Tag tag) {
    return node instanceof ScalarNode && node.getTag().equals(tag);
  }
}
