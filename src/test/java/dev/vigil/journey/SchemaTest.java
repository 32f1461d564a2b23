package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The JSON Schemas for editors agree with the loader")
class SchemaTest {
  private static final JsonSchema JOURNEY = schema("journey.schema.json");
  private static final JsonSchema TENANT = schema("tenant.schema.json");
  private static final Path REJECTS = ProjectFiles.dir().resolve("src/test/resources/catalog/schema-rejects");

  private static JsonSchema schema(String name) {
    try (InputStream in = SchemaTest.class.getResourceAsStream("/schemas/" + name)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<ValidationMessage> validate(JsonSchema schema, Path file) {
    try {
      return schema.validate(Files.readString(file), InputFormat.YAML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> repositoryJourneys() {
    return yamlFiles(ProjectFiles.journeys());
  }

  static List<Path> repositoryTenants() {
    return yamlFiles(ProjectFiles.tenants());
  }

  static List<Path> rejectedJourneys() {
    return yamlFiles(REJECTS.resolve("journeys"));
  }

  static List<Path> rejectedTenants() {
    return yamlFiles(REJECTS.resolve("tenants"));
  }

  @Test
  @DisplayName("The repository has journeys and tenants to check")
  void repositoryHasFiles() {
    assertEquals(7, repositoryJourneys().size());
    assertEquals(5, repositoryTenants().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryJourneys")
  @DisplayName("Every journey of the repository is valid for the journey schema")
  void repositoryJourneyValid(Path file) {
    Set<ValidationMessage> messages = validate(JOURNEY, file);

    assertTrue(messages.isEmpty(), file + ": " + messages);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryTenants")
  @DisplayName("Every tenant of the repository is valid for the tenant schema")
  void repositoryTenantValid(Path file) {
    Set<ValidationMessage> messages = validate(TENANT, file);

    assertTrue(messages.isEmpty(), file + ": " + messages);
  }

  @Test
  @DisplayName("A tenant with both shapes of maintenance window and a sandbox hint passes the schema and the loader")
  void maintenanceAndSandboxAccepted(@TempDir Path dir) throws IOException, CatalogException {
    String tenant = """
        name: Local clinic
        odoo:
          url: http://localhost:7018
          database: clinic
          login: admin
          password: {env: PW}
        journeys:
          - {id: login}
        maintenance:
          - {start: 2026-11-21T22:00:00Z, end: "2026-11-22T03:00:00.5+01:00", reason: upgrade to Odoo 18}
          - {days: [mon, sun], from: "23:30", duration: 90m}
        sandbox: {version: 18, modules: [account, purchase]}
        """;
    CatalogFiles files = new CatalogFiles(dir).journey("login.yaml",
        Files.readString(ProjectFiles.journeys().resolve("login.yaml")));
    files.tenant("clinic.yaml", tenant);

    assertEquals(Set.of(), TENANT.validate(tenant, InputFormat.YAML));
    assertEquals(2, files.load().tenant("clinic").orElseThrow().maintenance().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedJourneys")
  @DisplayName("A broken journey is refused by the schema and by the loader")
  void brokenJourneyRefused(Path file, @TempDir Path dir) throws IOException {
    assertFalse(validate(JOURNEY, file).isEmpty(), file + " passes the schema");

    Files.copy(file, dir.resolve(file.getFileName()));
    assertThrows(CatalogException.class, () -> CatalogLoader.loadJourneys(dir));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedTenants")
  @DisplayName("A broken tenant is refused by the schema and by the loader")
  void brokenTenantRefused(Path file, @TempDir Path dir) throws IOException {
    assertFalse(validate(TENANT, file).isEmpty(), file + " passes the schema");

    CatalogFiles files = new CatalogFiles(dir).journey("login.yaml",
        Files.readString(ProjectFiles.journeys().resolve("login.yaml")));
    files.tenant(file.getFileName().toString(), Files.readString(file));
    CatalogException e = assertThrows(CatalogException.class, files::load);
    assertTrue(e.problems().stream().allMatch(p -> p.pos().file().endsWith(file.getFileName().toString())),
        e.getMessage());
  }
}
