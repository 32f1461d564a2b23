package dev.vigil.journey;

import dev.vigil.domain.SecretRef;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a secret reference ({@code password}, {@code api_key}): {@code {env: VAR}} or
 * {@code {file: PATH}}. A secret written inline is refused. No message ever repeats what was
 * written, since it may be the secret itself.
 */
final class SecretRefParser {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> KEYS = List.of("env", "file");
  private static final String SHAPE = "use {env: VAR} or {file: PATH}";

  private SecretRefParser() {}

  static Optional<SecretRef> parse(YamlValue value) {
    if (value.isScalar() && !value.isNull()) {
      value.problem("a secret must not be written in the file: " + SHAPE);
      return Optional.empty();
    }
    if (!value.isMap()) {
      value.problem("expected a secret reference (" + SHAPE + "), found " + value.kind());
      return Optional.empty();
    }
    List<String> keys = value.rawKeys();
    if (!KEYS.containsAll(keys) || new HashSet<>(keys).size() != keys.size()) {
      value.problem("a secret reference has one key, env or file: " + SHAPE);
      return Optional.empty();
    }
    YamlMap map = value.map().orElseThrow();
    Optional<YamlValue> env = map.get("env");
    Optional<YamlValue> file = map.get("file");
    if (env.isPresent() == file.isPresent()) {
      value.problem((env.isPresent() ? "give either env or file, not both: " : "") + SHAPE);
      return Optional.empty();
    }
    if (env.isPresent()) {
      return env.flatMap(SecretRefParser::envName).map(SecretRef.Env::new);
    }
    return file.flatMap(path -> text(path, "a file path")).map(SecretRef.File::new);
  }

  private static Optional<String> envName(YamlValue value) {
    Optional<String> name = text(value, "an environment variable name");
    if (name.isPresent() && !ENV_NAME.matcher(name.get()).matches()) {
      value.problem("not an environment variable name: use letters, digits and '_',"
          + " not starting with a digit");
      return Optional.empty();
    }
    return name;
  }

  private static Optional<String> text(YamlValue value, String what) {
    if (!value.isText() || value.scalarText().isBlank()) {
      value.problem("expected " + what + ", found " + (value.isText() ? "empty text" : value.kind()));
      return Optional.empty();
    }
    return Optional.of(value.scalarText());
  }
}
