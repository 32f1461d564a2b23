package dev.vigil.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's {@code k8s/} folder: its YAML files, each parsed into its documents. */
final class K8sFiles {

  static final Path REPO = Path.of("").toAbsolutePath();
  static final Path K8S = REPO.resolve("k8s");
  static final ObjectMapper YAML = new YAMLMapper();

  /** One YAML document of a file, with its position among the file's documents. */
  record Document(Path file, int index, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String apiVersion() {
      return node.path("apiVersion").asText();
    }

    @Override
    public String toString() {
      return REPO.relativize(file) + (index > 0 ? " #" + (index + 1) : "") + " (" + kind() + ")";
    }
  }

  private K8sFiles() {}

  static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Document> documents() {
    List<Document> documents = new ArrayList<>();
    for (Path file : yamlFiles()) {
      documents.addAll(documents(file));
    }
    return documents;
  }

  static List<Document> documents(Path file) {
    List<Document> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode node = values.next();
        if (node != null && !node.isMissingNode() && !node.isNull()) {
          documents.add(new Document(file, documents.size(), node));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
    return documents;
  }

  static List<Path> kustomizations() {
    return yamlFiles().stream()
        .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
        .toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
