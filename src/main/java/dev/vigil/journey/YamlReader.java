package dev.vigil.journey;

import dev.vigil.domain.SourcePos;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads one YAML file into its node tree (YAML 1.2 core schema), keeping every value's position.
 * An unreadable file, a syntax error or an empty file is reported as a problem. Syntax errors are
 * reported without snakeyaml's snippet of the line, which could show a secret written inline.
 *
 * <p>Blocking file I/O: call at start-up or on a worker thread.
 */
final class YamlReader {
  private YamlReader() {}

  /**
   * The file's root node, or empty when it could not be read or is empty (the reason is
   * reported).
   */
  static Optional<YamlValue> read(Path path, String displayName, Problems problems) {
    return text(path, displayName, problems).flatMap(text -> parse(text, displayName, problems));
  }

  /**
   * The file's root node, a null value when the file holds no document (e.g. only comments), or
   * empty when it could not be read (the reason is reported).
   */
  static Optional<YamlValue> readDocument(Path path, String displayName, Problems problems) {
    return text(path, displayName, problems).flatMap(text -> document(text, displayName, problems));
  }

  private static Optional<String> text(Path path, String displayName, Problems problems) {
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      problems.add(SourcePos.none(displayName), "", "the file is not UTF-8 text");
    } catch (NoSuchFileException e) {
      problems.add(SourcePos.none(displayName), "", "the file does not exist");
    } catch (IOException e) {
      problems.add(SourcePos.none(displayName), "", "cannot read the file: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** The root node of YAML text, or empty when it has a syntax error or is empty (reported). */
  static Optional<YamlValue> parse(String text, String displayName, Problems problems) {
    Optional<YamlValue> value = document(text, displayName, problems);
    if (value.isPresent() && value.get().isNull()) {
      problems.add(new SourcePos(displayName, 1, 1), "", "the file is empty: expected a YAML map");
      return Optional.empty();
    }
    return value;
  }

  /**
   * The root node of YAML text, a null value when the text holds no document, or empty when it
   * has a syntax error (reported).
   */
  private static Optional<YamlValue> document(String text, String displayName, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(displayName).setSchema(new CoreSchema()).build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      problems.add(position(e, displayName), "", syntaxMessage(e));
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.add(SourcePos.none(displayName), "", "YAML error: " + e.getMessage());
      return Optional.empty();
    }
    Node node = root.orElseGet(() -> new ScalarNode(Tag.NULL, "", ScalarStyle.PLAIN));
    return Optional.of(new YamlValue(node, displayName, "", problems));
  }

  private static SourcePos position(MarkedYamlEngineException e, String displayName) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    return mark.map(m -> new SourcePos(displayName, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourcePos.none(displayName));
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    StringBuilder message = new StringBuilder("YAML syntax error: ");
    message.append(e.getProblem() == null ? "cannot parse" : e.getProblem());
    if (e.getContext() != null) {
      message.append(" (").append(e.getContext());
      e.getContextMark().ifPresent(m -> message.append(" started at line ").append(m.getLine() + 1)
          .append(", column ").append(m.getColumn() + 1));
      message.append(')');
    }
    return message.toString();
  }
}
