package dev.vigil.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.journey.Template;
import dev.vigil.journey.ValuePath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplatingTest {
  private static final Map<String, Object> BINDINGS = Map.of(
      "tenant", Map.of("db", "clinic_north"),
      "run", Map.of("id", "0193a4f2c1d8-4f9a2c"),
      "vars", Map.of("invoice", 67, "moves", List.of(142, 143), "price", 100.0),
      "steps", Map.of("create-invoice", Map.of("result", 67)),
      "today", "2026-11-20");

  @Test
  @DisplayName("a string that is exactly one expression keeps the value's type")
  void wholeExpressionKeepsType() {
    assertEquals(67, Template.parse("${vars.invoice}").render(BINDINGS));
    assertEquals(List.of(142, 143), Template.parse("${vars.moves}").render(BINDINGS));
    assertEquals(67, Template.parse("${steps.create-invoice.result}").render(BINDINGS));
  }

  @Test
  @DisplayName("expressions inside text are spliced in as text, whole doubles without a decimal point")
  void embeddedExpressionsBecomeText() {
    assertEquals("synthetic-check 0193a4f2c1d8-4f9a2c", Template.parse("synthetic-check ${run.id}").render(BINDINGS));
    assertEquals("db=clinic_north on 2026-11-20", Template.parse("db=${tenant.db} on ${today}").render(BINDINGS));
    assertEquals("price 100", Template.parse("price ${vars.price}").render(BINDINGS));
    assertEquals("moves [142,143]", Template.parse("moves ${vars.moves}").render(BINDINGS));
  }

  @Test
  @DisplayName("$${ writes a literal ${ and nothing is evaluated")
  void escapesAndNoCode() {
    assertEquals("cost ${x}", Template.parse("cost $${x}").render(BINDINGS));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("${vars.invoice + 1}"));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("${vars.invoice"));
  }

  @Test
  @DisplayName("whole trees render: maps, lists and nested templates")
  void treesRender() {
    Object tree = Map.of("args", List.of(List.of("${vars.invoice}")), "ref", "synthetic-check ${run.id}");
    assertEquals(Map.of("args", List.of(List.of(67)), "ref", "synthetic-check 0193a4f2c1d8-4f9a2c"),
        Template.renderTree(tree, BINDINGS));
    assertEquals(List.of(ValuePath.parse("vars.invoice"), ValuePath.parse("run.id")),
        Template.expressionsIn(List.of("${vars.invoice}", Map.of("k", "x ${run.id}"))));
  }

  @Test
  @DisplayName("an expression that leads nowhere names itself and the reason")
  void unresolvedExplains() {
    Template.UnresolvedException e = assertThrows(Template.UnresolvedException.class,
        () -> Template.parse("${vars.receipt}").render(BINDINGS));
    assertTrue(e.getMessage().startsWith("${vars.receipt} is not set"), e.getMessage());
    assertTrue(e.getMessage().contains("no field 'receipt'"), e.getMessage());
  }

  @Test
  @DisplayName("paths read names and indexes and reject malformed text with its offset")
  void pathsParse() {
    assertEquals(143, ValuePath.parse("vars.moves[1]").read(BINDINGS));
    assertEquals("vars", ValuePath.parse("vars.moves[1]").head());
    assertEquals("moves", ValuePath.parse("vars.moves[1]").second());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ValuePath.parse("result[x]"))
        .getMessage().contains("not a list index"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ValuePath.parse("result..a"))
        .getMessage().contains("offset 7"));
  }
}
