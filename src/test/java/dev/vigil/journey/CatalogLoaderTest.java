package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.PING;
import static dev.vigil.journey.CatalogFiles.TENANT_HEAD;
import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading folders")
class CatalogLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  @DisplayName("loadJourneys loads a journeys folder alone, .yaml and .yml, ignoring other files")
  void journeysAlone() throws Exception {
    write("ping.yaml", PING);
    write("pong.yml", PING.replace("id: ping", "id: pong"));
    write("notes.txt", "not yaml");

    Catalog catalog = CatalogLoader.loadJourneys(dir);

    assertEquals(List.of("ping", "pong"), catalog.journeys().stream().map(Journey::id).toList());
    assertTrue(catalog.tenants().isEmpty());
  }

  @Test
  @DisplayName("validate on a folder of mixed files tells journeys (steps) from tenants (odoo)")
  void mixedFolder() throws Exception {
    write("clinic-north.yaml", TENANT_HEAD + "journeys:\n  - {id: ping}\n");
    write("ping.yaml", PING);

    Catalog catalog = CatalogLoader.validate(dir);

    assertTrue(catalog.journey("ping").isPresent());
    assertEquals("ping", catalog.tenant("clinic-north").orElseThrow().journeys().get(0).journeyId());
  }

  @Test
  @DisplayName("validate on a folder with only journeys/ validates those journeys")
  void onlyJourneysSubfolder() throws Exception {
    Files.createDirectory(dir.resolve("journeys"));
    Files.writeString(dir.resolve("journeys/ping.yaml"), PING);

    assertEquals(1, CatalogLoader.validate(dir).journeys().size());
  }

  @Test
  @DisplayName("validate refuses a file that is neither a journey nor a tenant")
  void neitherJourneyNorTenant() throws Exception {
    write("other.yaml", "name: something\n");

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.validate(dir));

    assertProblem(e.problems(), "other.yaml", 1, "", "neither a journey (it would have steps) nor a tenant");
  }

  @Test
  @DisplayName("validate refuses a file that has both steps and odoo")
  void bothJourneyAndTenant() throws Exception {
    write("both.yaml", "steps: []\nodoo: {}\n");

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.validate(dir));

    assertProblem(e.problems(), "both.yaml", 1, "", "it has both");
  }

  @Test
  @DisplayName("validate refuses a mixed-folder file that is not a map")
  void mixedNotAMap() throws Exception {
    write("list.yaml", "- a\n- b\n");

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.validate(dir));

    assertProblem(e.problems(), "list.yaml", 1, "", "expected a journey or a tenant: a map, found a list");
  }

  @Test
  @DisplayName("validate on a folder without YAML files says so")
  void emptyFolder() {
    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.validate(dir));

    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().endsWith("no journey or tenant files (*.yaml, *.yml) found"), e.getMessage());
  }

  @Test
  @DisplayName("A folder that does not exist is a problem, not a crash")
  void missingFolder() {
    CatalogException e = assertThrows(CatalogException.class,
        () -> CatalogLoader.load(dir.resolve("tenants"), dir.resolve("journeys")));

    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().stream().allMatch(p -> p.message().equals("folder not found")), e.getMessage());
  }

  @Test
  @DisplayName("A file that is not UTF-8 text is refused")
  void notUtf8() throws Exception {
    Files.write(dir.resolve("latin.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xE9, '\n'});

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.loadJourneys(dir));

    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().endsWith("latin.yaml: the file is not UTF-8 text"), e.getMessage());
  }

  @Test
  @DisplayName("YAML 1.2 numbers become Integer, Long or Double; ~ is null; plain ${...} stays text")
  void yamlValues() throws Exception {
    write("values.yaml", """
        id: values
        description: Values
        params:
          hex: 0x1F
          octal: 0o17
          big: 9999999999
          ratio: 1e3
          yes_is_text: yes
          flag: True
          nothing: {a: ~}
          plain_template: ${today}
        steps:
          - {name: login, login: {}}
        """);

    Journey journey = CatalogLoader.loadJourneys(dir).journey("values").orElseThrow();

    Map<String, Object> params = journey.params();
    assertEquals(31, params.get("hex"));
    assertEquals(15, params.get("octal"));
    assertEquals(9_999_999_999L, params.get("big"));
    assertEquals(1000.0, params.get("ratio"));
    assertEquals("yes", params.get("yes_is_text"));
    assertEquals(true, params.get("flag"));
    assertEquals(Collections.singletonMap("a", null), params.get("nothing"));
    assertEquals("${today}", params.get("plain_template"));
  }

  @Test
  @DisplayName("A custom YAML tag is refused")
  void customTag() throws Exception {
    write("tagged.yaml", """
        id: tagged
        description: Tagged
        params:
          secret: !vault abc
        steps:
          - {name: login, login: {}}
        """);

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.loadJourneys(dir));

    assertProblem(e.problems(), "tagged.yaml", 4, "params.secret", "unsupported YAML tag !vault");
  }

  @Test
  @DisplayName("A number too large for 64 bits is refused")
  void hugeNumber() throws Exception {
    write("huge.yaml", """
        id: huge
        description: Huge
        params:
          n: 123456789012345678901234567890
        steps:
          - {name: login, login: {}}
        """);

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.loadJourneys(dir));

    assertProblem(e.problems(), "huge.yaml", 4, "params.n", "is too large (more than 64 bits)");
  }

  @Test
  @DisplayName("A .inf number is refused")
  void infiniteNumber() throws Exception {
    write("inf.yaml", """
        id: inf
        description: Infinite
        params:
          n: .inf
        steps:
          - {name: login, login: {}}
        """);

    CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.loadJourneys(dir));

    assertProblem(e.problems(), "inf.yaml", 4, "params.n", "expected a finite number, found .inf");
  }
}
