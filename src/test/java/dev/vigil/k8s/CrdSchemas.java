package dev.vigil.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Schemas, written from the published CRDs' OpenAPI schemas, for the custom kinds fabric8
 * has no model of on Maven Central: Traefik's IngressRoute, Argo Rollouts' AnalysisTemplate,
 * Flagger's Canary ({@code src/test/resources/dev/vigil/k8s/}). Unknown fields are refused.
 */
final class CrdSchemas {

  private static final String BASE = "https://vigil.dev/k8s/";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V202012,
      builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:dev/vigil/k8s/")));
  private static final Map<String, String> KINDS = Map.of(
      "traefik.io/v1alpha1/IngressRoute", "ingressroute",
      "argoproj.io/v1alpha1/AnalysisTemplate", "analysistemplate",
      "flagger.app/v1beta1/Canary", "canary");

  private CrdSchemas() {}

  static Optional<JsonSchema> schemaOf(String apiVersion, String kind) {
    return Optional.ofNullable(KINDS.get(apiVersion + "/" + kind))
        .map(name -> FACTORY.getSchema(SchemaLocation.of(BASE + name + ".schema.yaml")));
  }

  static List<String> problems(JsonNode manifest, JsonSchema schema) {
    return schema.validate(manifest).stream().map(ValidationMessage::getMessage).toList();
  }
}
