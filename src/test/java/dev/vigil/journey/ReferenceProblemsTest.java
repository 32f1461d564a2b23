package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Journey files: templates and conditions that lead nowhere")
class ReferenceProblemsTest {
  /** Lines 1-6; the first step starts on line 7. */
  private static final String HEAD = """
      id: j
      description: J
      params:
        partner: Azure Interior
      steps:
        - {name: login, login: {}}
      """;

  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir);
  }

  private CatalogFiles journey(String rest) {
    return files.journey("j.yaml", HEAD + rest);
  }

  @Test
  @DisplayName("An unclosed template is malformed")
  void unclosedTemplate() {
    journey("""
          - name: find
            search_read:
              model: res.partner
              domain: [[name, "=", "${params.partner"]]
        """);

    files.onlyProblem("j.yaml", 10, "steps[1].search_read.domain[0][2]", "malformed template: '${' at offset 0 is never closed");
  }

  @Test
  @DisplayName("A template with a malformed path is malformed")
  void malformedTemplatePath() {
    journey("""
          - name: find
            search_read:
              model: res.partner
              domain: [[name, "=", "${params partner}"]]
        """);

    files.onlyProblem("j.yaml", 10, "steps[1].search_read.domain[0][2]", "malformed template: unexpected ' '");
  }

  @Test
  @DisplayName("An unknown template namespace is refused with the nearest one")
  void unknownNamespace() {
    journey("""
          - name: find
            search_read:
              model: res.partner
              domain: [[name, "=", "${param.partner}"]]
        """);

    files.onlyProblem("j.yaml", 10, "steps[1].search_read.domain[0][2]",
        "${param.partner}: unknown template namespace 'param': did you mean 'params'?");
  }

  @Test
  @DisplayName("A namespace far from any known one lists them all")
  void unknownNamespaceListed() {
    journey("""
          - name: health
            http: {url: "/web/${env.PATH}"}
        """);

    files.onlyProblem("j.yaml", 8, "steps[1].http.url",
        "unknown template namespace 'env': use one of tenant, run, params, vars, steps, odoo, today, now");
  }

  @Test
  @DisplayName("An unknown field of tenant is refused, listing the fields")
  void unknownTenantField() {
    journey("""
          - name: health
            http: {url: /web/health, headers: {X-Db: "${tenant.database}"}}
        """);

    files.onlyProblem("j.yaml", 8, "steps[1].http.headers.X-Db", "tenant has the fields db, id, login, name, url");
  }

  @Test
  @DisplayName("${vars.x} that no step extracts is refused")
  void unknownVariable() {
    journey("""
          - name: find
            search_read: {model: res.partner}
            extract: {partner: "result[0].id"}
          - name: read
            read: {model: res.partner, ids: ["${vars.partnr}"]}
        """);

    files.onlyProblem("j.yaml", 11, "steps[2].read.ids[0]",
        "${vars.partnr}: no step in this journey extracts 'partnr' (extracted variables: partner)");
  }

  @Test
  @DisplayName("${steps.NAME} naming a later step is refused")
  void laterStep() {
    journey("""
          - name: early
            read: {model: res.partner, ids: "${steps.late.result}"}
          - name: late
            search_read: {model: res.partner}
        """);

    files.onlyProblem("j.yaml", 8, "steps[1].read.ids", "${steps.late.result}: no step named 'late' comes before this one");
  }

  @Test
  @DisplayName("${steps.NAME} naming the step itself is refused")
  void selfStep() {
    journey("""
          - name: self
            read: {model: res.partner, ids: "${steps.self.result}"}
        """);

    files.onlyProblem("j.yaml", 8, "steps[1].read.ids", "no step named 'self' comes before this one");
  }

  @Test
  @DisplayName("Teardown may read any main step and earlier teardown steps")
  void teardownReadsMainSteps() {
    journey("""
          - name: find
            search_read: {model: res.partner}
        teardown:
          - name: again
            read: {model: res.partner, ids: "${steps.find.result}"}
          - name: once-more
            read: {model: res.partner, ids: "${steps.again.result}"}
        """);

    assertDoesNotThrow(files::load);
  }

  @Test
  @DisplayName("${params.x} that the journey does not declare is refused")
  void undeclaredParam() {
    journey("""
          - name: find
            search_read:
              model: res.partner
              domain: [[name, "=", "${params.vendor}"]]
        """);

    files.onlyProblem("j.yaml", 10, "steps[1].search_read.domain[0][2]",
        "${params.vendor}: the journey declares no param 'vendor' (declared params: partner)");
  }

  @Test
  @DisplayName("Templates in assertion expected values are checked too")
  void templateInExpectedValue() {
    journey("""
          - name: user
            read: {model: res.users, ids: ["${odoo.uid}"]}
            assert:
              - {path: "result[0].id", equals: "${odoo.user}"}
        """);

    files.onlyProblem("j.yaml", 10, "steps[1].assert[0].equals", "odoo has the fields uid, version");
  }

  @Test
  @DisplayName("${today} takes no fields")
  void todayWithField() {
    journey("""
          - name: create
            create: {model: account.move, values: {invoice_date: "${today.date}"}}
        """);

    files.onlyProblem("j.yaml", 8, "steps[1].create.values.invoice_date", "${today} has no fields");
  }

  @Test
  @DisplayName("A when condition that does not follow the grammar is refused, showing the grammar")
  void badCondition() {
    journey("""
          - name: later
            login: {}
            when: odoo is new
        """);

    files.onlyProblem("j.yaml", 9, "steps[1].when", "compare the Odoo version with a whole number");
  }

  @Test
  @DisplayName("A when clause that is no clause is refused, showing the grammar")
  void conditionGrammar() {
    journey("""
          - name: later
            login: {}
            when: invoice exists
        """);

    files.onlyProblem("j.yaml", 9, "steps[1].when",
        "cannot read 'invoice exists': expected 'odoo >= 17', 'NAME is set', 'NAME is not set'");
  }

  @Test
  @DisplayName("A when condition on a variable no step extracts is refused")
  void conditionOnUnknownVariable() {
    journey("""
          - name: find
            search_read: {model: res.partner}
            extract: {partner: "result[0].id"}
          - name: later
            login: {}
            when: odoo >= 17 and invoice is set
        """);

    files.onlyProblem("j.yaml", 12, "steps[2].when",
        "the condition reads variable 'invoice', which no step extracts (extracted variables: partner)");
  }

  @Test
  @DisplayName("A variable extracted in teardown or a fallback counts as extracted")
  void variableFromTeardown() {
    journey("""
          - name: check
            login: {}
            when: state == posted
            fallback:
              name: check-again
              login: {fresh: true}
              extract: {uid: result.uid}
        teardown:
          - name: read-state
            read: {model: account.move, ids: ["${vars.uid}"], fields: [state]}
            extract: {state: "result[0].state"}
        """);

    assertDoesNotThrow(files::load);
  }

  @Test
  @DisplayName("A namespace of names used without a name is refused")
  void namespaceWithoutName() {
    journey("""
          - name: create
            create:
              model: account.move
              values: {a: "${vars}", b: "${steps[0]}", c: "${params}", d: "${tenant[0]}"}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "j.yaml", 10, "steps[1].create.values.a", "${vars}: say which one, e.g. ${vars.NAME}");
    assertProblem(problems, "j.yaml", 10, "steps[1].create.values.b", "${steps[0]}: say which one");
    assertProblem(problems, "j.yaml", 10, "steps[1].create.values.c", "${params}: say which one");
    assertProblem(problems, "j.yaml", 10, "steps[1].create.values.d", "tenant has the fields db, id, login, name, url");
    assertEquals(4, problems.size(), CatalogFiles.describe(problems));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"${}", "${ }", "${steps}", "${steps[0]}", "${[0]}",
      "${tenant}", "${tenant.db.x}", "${run[1]}", "${now.x}", "${vars[0].x}", "${params[0]}", "${a.b}",
      "${x", "$${x} ${", "${vars.partner}}"})
  @DisplayName("Odd templates are reported, never a crash")
  void oddTemplates(String template) {
    journey("""
          - name: create
            create: {model: account.move, values: {a: "%s"}}
        """.formatted(template));

    Problem problem = files.onlyProblem("j.yaml", 8, "steps[1].create.values.a", "");
    assertFalse(problem.message().isBlank());
  }
}
