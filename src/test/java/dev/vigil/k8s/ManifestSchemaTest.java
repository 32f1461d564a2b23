package dev.vigil.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every document of every YAML file under k8s/ fits the schema of its kind. */
class ManifestSchemaTest {

  private static final Set<String> KUSTOMIZE_KINDS = Set.of("Kustomization", "Component");

  @TestFactory
  @DisplayName("every manifest under k8s/ is valid for its kind, unknown fields refused")
  Stream<DynamicTest> everyManifestFitsItsKind() {
    List<K8sFiles.Document> documents = K8sFiles.documents();
    assertTrue(documents.size() >= 15, "found only " + documents);
    return documents.stream()
        .filter(doc -> !KUSTOMIZE_KINDS.contains(doc.kind()))
        .map(doc -> DynamicTest.dynamicTest(doc.toString(), () -> assertEquals(List.of(), problems(doc))));
  }

  @Test
  @DisplayName("a misspelt field deep in a Deployment is refused, as is a wrongly typed one")
  void refusesUnknownAndMistypedFields() {
    JsonNode deployment = K8sFiles.documents(K8sFiles.K8S.resolve("base/deployment.yaml")).get(0).node().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.at("/spec/template/spec/containers/0/readinessProbe"))
        .put("periodSecond", 5);
    assertFalse(KubernetesModel.problems(deployment, KubernetesModel.modelOf("apps/v1", "Deployment").orElseThrow()).isEmpty());

    JsonNode mistyped = K8sFiles.documents(K8sFiles.K8S.resolve("base/deployment.yaml")).get(0).node().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) mistyped.at("/spec")).put("replicas", "three");
    assertFalse(KubernetesModel.problems(mistyped, KubernetesModel.modelOf("apps/v1", "Deployment").orElseThrow()).isEmpty());
  }

  @Test
  @DisplayName("a misspelt field in a Traefik IngressRoute is refused")
  void refusesUnknownCrdFields() {
    JsonNode route = K8sFiles.documents(K8sFiles.K8S.resolve("components/traefik/ingressroute.yaml")).get(0).node().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) route.at("/spec/routes/0")).put("matches", "Host(`x`)");
    assertFalse(CrdSchemas.problems(route, CrdSchemas.schemaOf("traefik.io/v1alpha1", "IngressRoute").orElseThrow()).isEmpty());

    JsonNode canary = K8sFiles.documents(K8sFiles.K8S.resolve("examples/flagger-canary.yaml")).get(0).node().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) canary.at("/metadata")).put("nmae", "odoo");
    assertFalse(CrdSchemas.problems(canary, CrdSchemas.schemaOf("flagger.app/v1beta1", "Canary").orElseThrow()).isEmpty());
  }

  private static List<String> problems(K8sFiles.Document doc) {
    var model = KubernetesModel.modelOf(doc.apiVersion(), doc.kind());
    if (model.isPresent()) {
      return KubernetesModel.problems(doc.node(), model.get());
    }
    var schema = CrdSchemas.schemaOf(doc.apiVersion(), doc.kind());
    if (schema.isPresent()) {
      return CrdSchemas.problems(doc.node(), schema.get());
    }
    return fail("no schema for " + doc.apiVersion() + " " + doc.kind());
  }
}
