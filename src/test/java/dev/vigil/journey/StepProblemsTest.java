package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Journey files: problems in steps, actions and assertions")
class StepProblemsTest {
  /** Lines 1-3 of every journey below; its first step starts on line 4. */
  private static final String HEAD = """
      id: j
      description: J
      steps:
      """;

  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir);
  }

  private CatalogFiles journey(String steps) {
    return files.journey("j.yaml", HEAD + steps);
  }

  @Test
  @DisplayName("A misspelt action key is an unknown key, and the step then has no action")
  void misspeltActionKey() {
    journey("""
          - name: find
            serach_read: {model: res.partner}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "j.yaml", 5, "steps[0].serach_read", "did you mean 'search_read'?");
    assertProblem(problems, "j.yaml", 4, "steps[0]", "a step needs one action: action, assert_text, assert_visible, call, click, create");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A step without an action is refused, listing the actions")
  void noAction() {
    journey("""
          - name: nothing
            timeout: 5s
        """);

    files.onlyProblem("j.yaml", 4, "steps[0]", "a step needs one action: action, assert_text, assert_visible, call, click, create, ensure, fill, http, login");
  }

  @Test
  @DisplayName("A step with two actions is refused, naming both")
  void twoActions() {
    journey("""
          - name: both
            login: {}
            http: {url: /web/health}
        """);

    files.onlyProblem("j.yaml", 6, "steps[0].http", "a step has exactly one action, found login and http");
  }

  @Test
  @DisplayName("A step without a name is refused")
  void noName() {
    journey("""
          - login: {}
        """);

    files.onlyProblem("j.yaml", 4, "steps[0].name", "missing required key 'name'");
  }

  @Test
  @DisplayName("A step name with spaces is refused")
  void badStepName() {
    journey("""
          - name: log in
            login: {}
        """);

    files.onlyProblem("j.yaml", 4, "steps[0].name", "'log in' is not a step name");
  }

  @Test
  @DisplayName("A step that is not a map is refused")
  void stepNotAMap() {
    journey("""
          - login
        """);

    files.onlyProblem("j.yaml", 4, "steps[0]", "expected a step: a map with 'name' and one action");
  }

  @Test
  @DisplayName("Two steps with one name are refused, also across steps and teardown")
  void duplicateStepNameAcrossTeardown() {
    journey("""
          - name: login
            login: {}
        teardown:
          - name: login
            login: {fresh: true}
        """);

    files.onlyProblem("j.yaml", 7, "teardown[0].name", "step name 'login' is already used by steps[0].name (line 4)");
  }

  @Test
  @DisplayName("A fallback shares the journey's step names")
  void duplicateStepNameInFallback() {
    journey("""
          - name: login
            login: {}
          - name: health
            http: {url: /web/health}
            fallback:
              name: login
              login: {fresh: true}
        """);

    files.onlyProblem("j.yaml", 9, "steps[1].fallback.name", "step name 'login' is already used");
  }

  @Test
  @DisplayName("An unknown key inside an action body is reported with the nearest key")
  void unknownKeyInActionBody() {
    journey("""
          - name: find
            search_read:
              model: res.partner
              limt: 1
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].search_read.limt", "unknown key 'limt': did you mean 'limit'?");
  }

  @Test
  @DisplayName("A missing model in an action body is reported")
  void missingModel() {
    journey("""
          - name: find
            search_read: {domain: []}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].search_read.model", "missing required key 'model'");
  }

  @Test
  @DisplayName("A model name that is not an Odoo model name is refused")
  void badModelName() {
    journey("""
          - name: find
            search_read: {model: Res Partner}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].search_read.model", "'Res Partner' is not an Odoo model name");
  }

  @Test
  @DisplayName("Fields given as text instead of a list is a wrong type")
  void fieldsWrongType() {
    journey("""
          - name: find
            search_read:
              model: res.partner
              fields: name
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].search_read.fields", "expected a list, found text");
  }

  @Test
  @DisplayName("A negative limit is refused")
  void negativeLimit() {
    journey("""
          - name: find
            search_read: {model: res.partner, limit: -1}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].search_read.limit", "must be 0 or more");
  }

  @Test
  @DisplayName("ids that are neither a list nor one template are refused")
  void idsNotListNorTemplate() {
    journey("""
          - name: read
            read:
              model: res.partner
              ids: "partner ${params.x}"
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].read.ids",
        "expected a list of ids (whole numbers or ${...}) or one ${...} template that renders to a list");
  }

  @Test
  @DisplayName("A list of ids holding plain text is refused")
  void idsListWithText() {
    journey("""
          - name: read
            read:
              model: res.partner
              ids: [1, two]
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].read.ids[1]", "expected an id (a whole number or one ${...} template)");
  }

  @Test
  @DisplayName("follow given as a list is refused, showing the expected map")
  void followNotAMap() {
    journey("""
          - name: validate
            action:
              model: stock.picking
              method: button_validate
              ids: [1]
              follow: [stock.immediate.transfer]
        """);

    files.onlyProblem("j.yaml", 9, "steps[0].action.follow",
        "expected a map of wizard model to method, e.g. {stock.immediate.transfer: process}");
  }

  @Test
  @DisplayName("A method name with a space is refused")
  void badMethodName() {
    journey("""
          - name: post
            action: {model: account.move, method: action post, ids: [1]}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].action.method", "'action post' is not a method name");
  }

  @Test
  @DisplayName("require_modules given as text is refused")
  void requireModulesNotAList() {
    journey("""
          - name: needs
            require_modules: purchase
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].require_modules", "expected a list of Odoo module names, e.g. [purchase], found text");
  }

  @Test
  @DisplayName("An empty require_modules list is refused")
  void requireModulesEmpty() {
    journey("""
          - name: needs
            require_modules: []
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].require_modules", "must hold at least one item");
  }

  @Test
  @DisplayName("A number among require_modules is refused")
  void requireModulesNotStrings() {
    journey("""
          - name: needs
            require_modules: [purchase, 7]
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].require_modules[1]", "expected text, found a whole number");
  }

  @Test
  @DisplayName("An unknown HTTP method is refused, listing the known ones")
  void badHttpMethod() {
    journey("""
          - name: health
            http: {method: FETCH, url: /web/health}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].http.method",
        "unknown HTTP method 'FETCH': expected one of GET, POST, PUT, PATCH, DELETE, HEAD");
  }

  @Test
  @DisplayName("An http url that is neither a path nor an absolute http(s) URL is refused")
  void badHttpUrl() {
    journey("""
          - name: health
            http:
              url: web/health
        """);

    files.onlyProblem("j.yaml", 6, "steps[0].http.url", "expected a path on the tenant's Odoo such as /web/health");
  }

  @Test
  @DisplayName("An ftp URL is not an http url")
  void ftpUrl() {
    journey("""
          - name: files
            http: {url: "ftp://files.example.com/x"}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].http.url", "or an absolute http:// or https:// URL");
  }

  @Test
  @DisplayName("expect_status outside 100..599 is refused")
  void badExpectStatus() {
    journey("""
          - name: health
            http: {url: /web/health, expect_status: 700}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].http.expect_status", "an HTTP status is between 100 and 599, found 700");
  }

  @Test
  @DisplayName("A poll without until is refused")
  void pollWithoutUntil() {
    journey("""
          - name: wait
            poll: {model: account.move, method: search_count, args: [[]]}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].poll.until", "missing required key 'until'");
  }

  @Test
  @DisplayName("A poll with an empty until is refused")
  void pollWithEmptyUntil() {
    journey("""
          - name: wait
            poll:
              model: account.move
              method: search_count
              until: []
        """);

    files.onlyProblem("j.yaml", 8, "steps[0].poll.until", "must hold at least one item");
  }

  @Test
  @DisplayName("An unknown assertion operator is refused with the nearest operator")
  void unknownOperator() {
    journey("""
          - name: login
            login: {}
            assert:
              - {path: result.uid, equal: 2}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "j.yaml", 7, "steps[0].assert[0].equal",
        "unknown assertion operator 'equal': did you mean 'equals'?");
    assertProblem(problems, "j.yaml", 7, "steps[0].assert[0]", "an assertion needs one operator");
  }

  @Test
  @DisplayName("An assertion without an operator is refused, listing the operators")
  void noOperator() {
    journey("""
          - name: login
            login: {}
            assert:
              - path: result.uid
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0]",
        "an assertion needs one operator: equals, not_equals, matches, contains, greater_than");
  }

  @Test
  @DisplayName("An assertion with two operators is refused")
  void twoOperators() {
    journey("""
          - name: login
            login: {}
            assert:
              - {path: result.uid, equals: 2, not_empty: true}
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0]", "an assertion has exactly one operator, found equals and not_empty");
  }

  @Test
  @DisplayName("An assertion without a path is refused")
  void noPath() {
    journey("""
          - name: login
            login: {}
            assert:
              - {equals: 2}
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0].path", "missing required key 'path'");
  }

  @Test
  @DisplayName("A malformed assertion path is refused")
  void malformedPath() {
    journey("""
          - name: find
            search_read: {model: res.partner}
            assert:
              - {path: "result[first].name", exists: true}
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0].path", "malformed path: '[first]' in 'result[first].name' is not a list index");
  }

  @Test
  @DisplayName("A malformed extract path is refused")
  void malformedExtractPath() {
    journey("""
          - name: find
            search_read: {model: res.partner}
            extract:
              partner: "result[0]..id"
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].extract.partner", "malformed path: a name is expected at offset 10");
  }

  @Test
  @DisplayName("A path that does not start at result is refused")
  void pathNotFromResult() {
    journey("""
          - name: find
            search_read: {model: res.partner}
            extract: {partner: "[0].id"}
            assert:
              - {path: "records[0].id", exists: true}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "j.yaml", 6, "steps[0].extract.partner", "malformed path");
    assertProblem(problems, "j.yaml", 8, "steps[0].assert[0].path", "a path starts at 'result'");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A regular expression that does not compile is refused")
  void badRegex() {
    journey("""
          - name: check
            read: {model: account.move, ids: [1], fields: [name]}
            assert:
              - {path: "result[0].name", matches: "INV/(\\\\d+"}
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0].matches", "not a valid regular expression: Unclosed group");
  }

  @Test
  @DisplayName("greater_than with text is refused")
  void greaterThanText() {
    journey("""
          - name: check
            login: {}
            assert:
              - {path: result.uid, greater_than: many}
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0].greater_than", "expected a number (or a ${...} template), found text");
  }

  @Test
  @DisplayName("empty: false is refused, pointing to not_empty")
  void emptyFalse() {
    journey("""
          - name: check
            login: {}
            assert:
              - {path: result, empty: false}
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].assert[0].empty", "write 'not_empty: true' instead of 'empty: false'");
  }

  @Test
  @DisplayName("A null argument of a call is refused")
  void nullArgument() {
    journey("""
          - name: call
            call: {model: res.partner, method: name_search, args: [null]}
        """);

    files.onlyProblem("j.yaml", 5, "steps[0].call.args[0]", "null is not allowed here");
  }

  @Test
  @DisplayName("An extract variable name with a dot is refused, since ${vars.NAME} could not read it")
  void badVariableName() {
    journey("""
          - name: find
            search_read: {model: res.partner}
            extract:
              partner.id: "result[0].id"
        """);

    files.onlyProblem("j.yaml", 7, "steps[0].extract[\"partner.id\"]", "'partner.id' is not a variable name");
  }

  @Test
  @DisplayName("A poll that would wait longer between calls than it may take in all is refused")
  void pollEveryLongerThanWithin() {
    journey("""
          - name: wait
            poll:
              model: account.move
              method: search_count
              until: [{path: result, greater_than: 0}]
              every: 1m
              within: 30s
        """);

    files.onlyProblem("j.yaml", 9, "steps[0].poll.every", "'every' (1m) is longer than 'within' (30s)");
  }

  @Test
  @DisplayName("A follow entry naming no Odoo model is refused")
  void followBadModel() {
    journey("""
          - name: validate
            action:
              model: stock.picking
              method: button_validate
              ids: [1]
              follow: {Immediate Transfer: process}
        """);

    files.onlyProblem("j.yaml", 9, "steps[0].action.follow[\"Immediate Transfer\"]",
        "'Immediate Transfer' is not an Odoo model name such as stock.immediate.transfer");
  }
}
