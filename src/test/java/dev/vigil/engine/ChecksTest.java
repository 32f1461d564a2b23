package dev.vigil.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.AssertionOp;
import dev.vigil.domain.SourcePos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private static final Object INVOICE = Map.of("result", new JsonArray()
      .add(new JsonObject().put("id", 67).put("state", "posted").put("name", "INV/2026/00005")
          .put("amount", 100.0).put("tags", new JsonArray().add("a").add("b"))));

  private static Optional<String> check(String path, AssertionOp op, Object expected) {
    return check(path, op, expected, Map.of());
  }

  private static Optional<String> check(String path, AssertionOp op, Object expected, Map<String, Object> bindings) {
    return Checks.failure(new Assertion(path, op, expected, SourcePos.none("test")), INVOICE, bindings);
  }

  @Test
  @DisplayName("equals holds for the same text and fails naming what it expected and what it found")
  void equalsComparesAndExplains() {
    assertEquals(Optional.empty(), check("result[0].state", AssertionOp.EQUALS, "posted"));
    assertEquals(Optional.of("expected result[0].state equals \"draft\", found \"posted\""),
        check("result[0].state", AssertionOp.EQUALS, "draft"));
  }

  @Test
  @DisplayName("numbers compare by value whatever their Java type")
  void numbersCompareByValue() {
    assertEquals(Optional.empty(), check("result[0].amount", AssertionOp.EQUALS, 100));
    assertEquals(Optional.empty(), check("result[0].id", AssertionOp.EQUALS, 67L));
    assertEquals(Optional.empty(), check("result[0].amount", AssertionOp.GREATER_THAN, 99.5));
    assertTrue(check("result[0].amount", AssertionOp.LESS_THAN, 100).isPresent());
  }

  @Test
  @DisplayName("expected values are templates rendered with the run's bindings, keeping their type")
  void expectedValuesAreTemplates() {
    Map<String, Object> bindings = Map.of("vars", Map.of("invoice", 67));
    assertEquals(Optional.empty(), check("result[0].id", AssertionOp.EQUALS, "${vars.invoice}", bindings));
    assertTrue(check("result[0].id", AssertionOp.NOT_EQUALS, "${vars.invoice}", bindings).isPresent());
  }

  @Test
  @DisplayName("matches finds a regular expression in the value's text")
  void matchesFindsRegex() {
    assertEquals(Optional.empty(), check("result[0].name", AssertionOp.MATCHES, "\\d+$"));
    assertTrue(check("result[0].state", AssertionOp.MATCHES, "\\d").isPresent());
  }

  @Test
  @DisplayName("contains looks into lists and strings")
  void containsLooksIntoListsAndStrings() {
    assertEquals(Optional.empty(), check("result[0].tags", AssertionOp.CONTAINS, "b"));
    assertEquals(Optional.empty(), check("result[0].name", AssertionOp.CONTAINS, "2026"));
    assertTrue(check("result[0].tags", AssertionOp.CONTAINS, "c").isPresent());
  }

  @Test
  @DisplayName("empty and not_empty treat null, false, empty text and empty collections as empty")
  void emptiness() {
    assertEquals(Optional.empty(), check("result", AssertionOp.NOT_EMPTY, true));
    assertTrue(check("result", AssertionOp.EMPTY, true).isPresent());
    Object none = Map.of("result", new JsonArray());
    assertTrue(Checks.failure(new Assertion("result", AssertionOp.NOT_EMPTY, true, SourcePos.none("t")), none, Map.of()).isPresent());
  }

  @Test
  @DisplayName("a path that leads nowhere fails the check and says where it stopped, except for empty")
  void missingPathsExplainWhere() {
    Optional<String> failure = check("result[3].state", AssertionOp.EQUALS, "posted");
    assertTrue(failure.orElseThrow().contains("no element [3], the list has 1 element(s)"), failure.get());
    assertEquals(Optional.empty(), check("result[3]", AssertionOp.EMPTY, true));
    assertTrue(check("result[0].nope", AssertionOp.EXISTS, true).isPresent());
    assertEquals(Optional.empty(), check("result[0].id", AssertionOp.EXISTS, true));
  }
}
