package dev.vigil.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Condition;
import dev.vigil.domain.Condition.Comparison;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConditionTest {

  @Test
  @DisplayName("version clauses compare the Odoo major version and all clauses must hold")
  void versionClauses() {
    Condition from17 = new Condition("odoo >= 17", List.of(new Condition.OdooVersion(Comparison.GE, 17)));
    assertFalse(from17.holds(16, Map.of()));
    assertTrue(from17.holds(17, Map.of()));
    Condition only17 = new Condition("odoo >= 17 and odoo < 18", List.of(
        new Condition.OdooVersion(Comparison.GE, 17), new Condition.OdooVersion(Comparison.LT, 18)));
    assertTrue(only17.holds(17, Map.of()));
    assertFalse(only17.holds(18, Map.of()));
    assertTrue(only17.needsVersion());
  }

  @Test
  @DisplayName("variable clauses treat a null value as not set and compare values as text")
  void variableClauses() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("invoice", 67);
    vars.put("gone", null);
    vars.put("state", "posted");
    assertTrue(new Condition.VariableSet("invoice", true).holds(0, vars));
    assertTrue(new Condition.VariableSet("gone", false).holds(0, vars));
    assertTrue(new Condition.VariableSet("never", false).holds(0, vars));
    assertTrue(new Condition.VariableEquals("state", "posted", true).holds(0, vars));
    assertTrue(new Condition.VariableEquals("invoice", "67", true).holds(0, vars));
    assertFalse(new Condition.VariableEquals("never", "posted", true).holds(0, vars));
    assertTrue(new Condition.VariableEquals("never", "posted", false).holds(0, vars));
    assertFalse(new Condition("invoice is set", List.of(new Condition.VariableSet("invoice", true))).needsVersion());
  }
}
