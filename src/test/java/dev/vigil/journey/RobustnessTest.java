package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the repository's files broken in several ways: the loader must report a problem
 * (or accept the file) and never fail with anything else.
 */
@DisplayName("Broken variants of the repository's files")
class RobustnessTest {
  private static final List<String> REPLACEMENTS = List.of("[]", "{}", "~", "7", "{a: ~}");
  private static final Map<String, Set<String>> JOURNEY_PARAMS = Map.of(
      "login", Set.of(), "health", Set.of(), "stock-move", Set.of("quantity"),
      "invoice-posting", Set.of("partner", "product_code", "price"),
      "purchase-approval", Set.of("vendor", "price"));

  static Stream<Path> journeys() throws IOException {
    return Files.list(ProjectFiles.journeys()).sorted();
  }

  static Stream<Path> tenants() throws IOException {
    return Files.list(ProjectFiles.tenants()).sorted();
  }

  /** The file with one line removed, and with each line's value replaced by odd values. */
  private static List<String> variants(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> without = new ArrayList<>(lines);
      without.remove(i);
      variants.add(String.join("\n", without));
      int colon = lines.get(i).indexOf(": ");
      for (String replacement : REPLACEMENTS) {
        List<String> changed = new ArrayList<>(lines);
        changed.set(i, colon < 0
            ? lines.get(i).replaceFirst("- .*", "- " + replacement)
            : lines.get(i).substring(0, colon + 2) + replacement);
        variants.add(String.join("\n", changed));
      }
    }
    return variants;
  }

  private static int check(Path file, Consumer<YamlValue> parser) throws IOException {
    int refused = 0;
    for (String variant : variants(file)) {
      Problems problems = new Problems();
      assertDoesNotThrow(() -> YamlReader.parse(variant, "variant.yaml", problems).ifPresent(parser),
          variant);
      refused += problems.isEmpty() ? 0 : 1;
    }
    return refused;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  @DisplayName("A broken journey is reported, never a crash")
  void journeyVariants(Path file) throws IOException {
    int refused = check(file, root -> JourneyParser.parse(root));

    assertTrue(refused > 0, "no variant of " + file + " was refused");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenants")
  @DisplayName("A broken tenant is reported, never a crash")
  void tenantVariants(Path file) throws IOException {
    int refused = check(file, root -> new TenantParser(JOURNEY_PARAMS).parse(root, "tenant"));

    assertTrue(refused > 0, "no variant of " + file + " was refused");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenants")
  @DisplayName("No problem of a broken tenant repeats what was written for the password")
  void tenantPasswordNeverEchoed(Path file) throws IOException {
    String text = Files.readString(file)
        .replace("{env: VIGIL_SANDBOX_PASSWORD}", "{env: VIGIL_SANDBOX_PASSWORD, p4ss-w0rd: 1}");
    Problems problems = new Problems();
    YamlReader.parse(text, "tenant.yaml", problems)
        .ifPresent(root -> new TenantParser(JOURNEY_PARAMS).parse(root, "tenant"));

    CatalogException e = assertThrows(CatalogException.class, problems::throwIfAny);
    assertFalse(e.getMessage().contains("p4ss"), e.getMessage());
  }
}
