package dev.vigil.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kustomizations reference only files that exist, every manifest is used by one, and the
 * catalog ConfigMaps are generated from exactly the repository's tenants/ and journeys/ files.
 */
class KustomizationTest {

  private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "labels",
      "resources", "components", "patches", "configMapGenerator", "replicas", "images");

  @Test
  @DisplayName("every kustomization uses known fields and references files that exist")
  void referencesExist() {
    List<String> problems = new ArrayList<>();
    for (Path kustomization : K8sFiles.kustomizations()) {
      JsonNode k = K8sFiles.documents(kustomization).get(0).node();
      k.fieldNames().forEachRemaining(field -> {
        if (!FIELDS.contains(field)) {
          problems.add(kustomization + ": field " + field + " not expected");
        }
      });
      for (Path ref : references(kustomization)) {
        boolean ok = Files.isRegularFile(ref) || Files.isRegularFile(ref.resolve("kustomization.yaml"));
        if (!ok) {
          problems.add(kustomization + ": " + ref + " does not exist");
        }
      }
    }
    assertTrue(K8sFiles.kustomizations().size() >= 6, "kustomizations: " + K8sFiles.kustomizations());
    assertEquals(List.of(), problems);
  }

  @Test
  @DisplayName("every manifest under k8s/ is part of a kustomization, except the gate examples")
  void noDeadManifests() {
    Set<Path> used = new HashSet<>();
    K8sFiles.kustomizations().forEach(k -> {
      used.add(k);
      used.addAll(references(k));
    });
    List<Path> unused = K8sFiles.yamlFiles().stream()
        .filter(f -> !f.startsWith(K8sFiles.K8S.resolve("examples")))
        .filter(f -> !used.contains(f))
        .toList();
    assertEquals(List.of(), unused);
  }

  @Test
  @DisplayName("the generated ConfigMaps hold exactly the files of tenants/ and journeys/, under their names")
  void catalogConfigMapsTakeTheCatalog() throws IOException {
    Path base = K8sFiles.K8S.resolve("base/kustomization.yaml");
    Map<String, Map<String, String>> generated = generatedConfigMaps(base);
    assertEquals(catalog("tenants"), generated.get("vigil-tenants"));
    assertEquals(catalog("journeys"), generated.get("vigil-journeys"));
  }

  @Test
  @DisplayName("the Deployment mounts the catalog ConfigMaps where VIGIL_TENANTS_DIR and VIGIL_JOURNEYS_DIR point")
  void deploymentReadsTheCatalog() {
    JsonNode pod = K8sFiles.documents(K8sFiles.K8S.resolve("base/deployment.yaml")).get(0).node().at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    Map<String, String> env = new TreeMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    Map<String, String> mountByVolume = new TreeMap<>();
    container.path("volumeMounts").forEach(m -> mountByVolume.put(m.path("name").asText(), m.path("mountPath").asText()));
    Map<String, String> volumeByConfigMap = new TreeMap<>();
    pod.path("volumes").forEach(v -> {
      if (v.has("configMap")) {
        volumeByConfigMap.put(v.at("/configMap/name").asText(), v.path("name").asText());
      }
    });
    assertEquals(env.get("VIGIL_TENANTS_DIR"), mountByVolume.get(volumeByConfigMap.get("vigil-tenants")));
    assertEquals(env.get("VIGIL_JOURNEYS_DIR"), mountByVolume.get(volumeByConfigMap.get("vigil-journeys")));
  }

  /**
   * The data of each ConfigMap the kustomization generates, as Kustomize builds it: a {@code files}
   * entry {@code path} gives key = the file's name, {@code key=path} the given key; the value is the
   * file's content.
   */
  private static Map<String, Map<String, String>> generatedConfigMaps(Path kustomization) {
    Map<String, Map<String, String>> maps = new TreeMap<>();
    for (JsonNode generator : K8sFiles.documents(kustomization).get(0).node().path("configMapGenerator")) {
      Map<String, String> data = new TreeMap<>();
      for (JsonNode entry : generator.path("files")) {
        String text = entry.asText();
        int eq = text.indexOf('=');
        Path file = kustomization.getParent().resolve(eq < 0 ? text : text.substring(eq + 1)).normalize();
        String key = eq < 0 ? file.getFileName().toString() : text.substring(0, eq);
        assertTrue(data.put(key, K8sFiles.read(file)) == null, "key " + key + " twice");
      }
      maps.put(generator.path("name").asText(), data);
    }
    return maps;
  }

  /** What Vigil loads from a catalog folder: its *.yaml and *.yml files (CatalogLoader). */
  private static Map<String, String> catalog(String folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(K8sFiles.REPO.resolve(folder))) {
      list.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .forEach(f -> files.put(f.getFileName().toString(), K8sFiles.read(f)));
    }
    assertTrue(files.size() >= 5, folder + ": " + files.keySet());
    return files;
  }

  /** The files and folders a kustomization names: resources, components, patches, generator files. */
  private static List<Path> references(Path kustomization) {
    JsonNode k = K8sFiles.documents(kustomization).get(0).node();
    Path dir = kustomization.getParent();
    List<Path> refs = new ArrayList<>();
    Stream.of("resources", "components").forEach(field ->
        k.path(field).forEach(r -> refs.add(dir.resolve(r.asText()).normalize())));
    k.path("patches").forEach(p -> {
      if (p.has("path")) {
        refs.add(dir.resolve(p.path("path").asText()).normalize());
      }
    });
    k.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> {
      String text = f.asText();
      refs.add(dir.resolve(text.substring(text.indexOf('=') + 1)).normalize());
    }));
    return refs;
  }
}
