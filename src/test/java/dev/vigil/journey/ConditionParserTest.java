package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Condition;
import dev.vigil.domain.Condition.Comparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Conditions of when")
class ConditionParserTest {

  @ParameterizedTest(name = "odoo {0} 17 is {1}")
  @CsvSource({"==, EQ", "!=, NE", ">=, GE", "<=, LE", ">, GT", "<, LT"})
  @DisplayName("Every version comparison is read")
  void versionComparisons(String symbol, Comparison comparison) {
    Condition condition = ConditionParser.parse("odoo " + symbol + " 17");

    assertEquals(List.of(new Condition.OdooVersion(comparison, 17)), condition.clauses());
    assertTrue(condition.needsVersion());
  }

  @Test
  @DisplayName("Clauses joined by and are read in order, keeping the text")
  void clauses() {
    Condition condition = ConditionParser.parse("receipt is set and done_receipt is not set and odoo < 18");

    assertEquals("receipt is set and done_receipt is not set and odoo < 18", condition.text());
    assertEquals(List.of(
        new Condition.VariableSet("receipt", true),
        new Condition.VariableSet("done_receipt", false),
        new Condition.OdooVersion(Comparison.LT, 18)), condition.clauses());
  }

  @Test
  @DisplayName("Variable comparisons keep the text after the operator")
  void variableEquals() {
    Condition condition = ConditionParser.parse("invoice_state == posted and kind != in progress");

    assertEquals(List.of(
        new Condition.VariableEquals("invoice_state", "posted", true),
        new Condition.VariableEquals("kind", "in progress", false)), condition.clauses());
    assertFalse(condition.needsVersion());
  }

  @Test
  @DisplayName("A parsed condition holds the way the README says")
  void holds() {
    Condition condition = ConditionParser.parse("odoo >= 17 and invoice_state == posted");

    assertTrue(condition.holds(18, Map.of("invoice_state", "posted")));
    assertFalse(condition.holds(16, Map.of("invoice_state", "posted")));
    assertFalse(condition.holds(18, Map.of("invoice_state", "draft")));
  }

  @Test
  @DisplayName("Spaces around the version operator are optional")
  void compactVersion() {
    assertEquals(List.of(new Condition.OdooVersion(Comparison.GE, 17)),
        ConditionParser.parse("odoo>=17").clauses());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "   ", "invoice exists", "odoo >= seventeen", "odoo", "odoo is set",
      "x = 1", "a is set and", "and a is set", "a is set and and b is set", "x ==", "odoo >= 99999"})
  @DisplayName("Anything outside the grammar is refused with a reason")
  void refused(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConditionParser.parse(text));

    assertTrue(e.getMessage().contains("expected") || e.getMessage().contains("whole number"), e.getMessage());
  }
}
