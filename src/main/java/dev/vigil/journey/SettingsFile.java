package dev.vigil.journey;

import dev.vigil.domain.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A flat YAML file of settings such as {@code vigil.yaml}: a map from known keys to plain values,
 * read with the catalog's rules (YAML 1.2 core schema, positions, an unknown key reported with
 * the nearest known one, a key written twice refused, no snippet of a line in syntax errors). A
 * file holding no document (only comments) has no settings. Values are handed over as written,
 * for the caller to convert; problems are returned, not thrown, so that the caller can report
 * them with its own.
 *
 * <p>Blocking file I/O: call at start-up or on a worker thread, never on an event loop.
 */
public final class SettingsFile {

  /** One setting as written: its key, the text of its value and where that value is. */
  public record Entry(String key, String text, SourcePos pos) {}

  /**
   * What a settings file holds.
   *
   * @param entries the settings with a plain value, in file order
   * @param problems what is wrong, in file order, each as {@code file:line:column: key: message}
   */
  public record Contents(List<Entry> entries, List<Problem> problems) {
    public Contents {
      entries = List.copyOf(entries);
      problems = List.copyOf(problems);
    }
  }

  private SettingsFile() {}

  /**
   * Reads the file; it is named relative to the working directory when it lies below it.
   *
   * @param keys the keys the file may hold
   */
  public static Contents read(Path file, Collection<String> keys) {
    Problems problems = new Problems();
    List<Entry> entries = new ArrayList<>();
    YamlReader.readDocument(file, CatalogLoader.displayName(file), problems)
        .filter(root -> !root.isNull())
        .ifPresent(root -> {
          if (!root.isMap()) {
            root.expected("a map of settings such as http_port: 8080");
            return;
          }
          root.map(keys).orElseThrow().entries().forEach((key, value) -> {
            if (value.isScalar() && !value.isNull()) {
              entries.add(new Entry(key, value.scalarText(), value.pos()));
            } else {
              value.expected("a value (text or a number)");
            }
          });
        });
    return new Contents(entries, problems.all());
  }
}
