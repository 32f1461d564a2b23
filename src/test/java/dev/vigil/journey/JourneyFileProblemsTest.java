package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Journey files: problems with the file and its top-level keys")
class JourneyFileProblemsTest {
  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir);
  }

  @Test
  @DisplayName("A YAML syntax error is reported at snakeyaml's position")
  void syntaxError() {
    files.journey("broken.yaml", """
        id: broken
        description: Broken
        steps: [
          - name: a
        """);

    Problem problem = files.onlyProblem("broken.yaml", 4, "", "YAML syntax error");
    assertTrue(problem.pos().column() > 0);
  }

  @Test
  @DisplayName("An empty file is reported")
  void emptyFile() {
    files.journey("empty.yaml", "# nothing here\n");

    files.onlyProblem("empty.yaml", 1, "", "the file is empty");
  }

  @Test
  @DisplayName("A top level that is not a map is reported")
  void topLevelNotAMap() {
    files.journey("list.yaml", """
        - id: a
        - id: b
        """);

    files.onlyProblem("list.yaml", 1, "", "expected a journey: a map with id, description and steps, found a list");
  }

  @Test
  @DisplayName("An unknown top-level key is reported with the nearest allowed key")
  void unknownTopLevelKey() {
    files.journey("typo.yaml", """
        id: typo
        descripton: Typo
        description: Typo
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("typo.yaml", 2, "descripton", "unknown key 'descripton': did you mean 'description'?");
  }

  @Test
  @DisplayName("An unknown key far from any allowed one lists the allowed keys")
  void unknownKeyListsAllowed() {
    files.journey("odd.yaml", """
        id: odd
        description: Odd
        owner: team-a
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("odd.yaml", 3, "owner",
        "unknown key 'owner': expected one of description, id, params, steps, teardown, timeout");
  }

  @Test
  @DisplayName("A key written twice in one map is reported at the second one")
  void duplicateKey() {
    files.journey("twice.yaml", """
        id: twice
        description: Twice
        timeout: 10s
        timeout: 20s
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("twice.yaml", 4, "timeout", "key 'timeout' is written twice (first at line 3)");
  }

  @Test
  @DisplayName("A missing required key is reported on the map that lacks it")
  void missingRequiredKey() {
    files.journey("nodesc.yaml", """
        id: nodesc
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("nodesc.yaml", 1, "description", "missing required key 'description'");
  }

  @Test
  @DisplayName("Steps given as a map instead of a list is a wrong type")
  void stepsWrongType() {
    files.journey("map.yaml", """
        id: map
        description: Map
        steps:
          login: {}
        """);

    files.onlyProblem("map.yaml", 4, "steps", "expected a list, found a map");
  }

  @Test
  @DisplayName("Text where true or false is expected is a wrong type")
  void softWrongType() {
    files.journey("soft.yaml", """
        id: soft
        description: Soft
        steps:
          - name: login
            login: {}
            soft: "yes"
        """);

    files.onlyProblem("soft.yaml", 6, "steps[0].soft", "expected true or false, found text");
  }

  @Test
  @DisplayName("A journey with no steps is refused")
  void noSteps() {
    files.journey("nosteps.yaml", """
        id: nosteps
        description: No steps
        steps: []
        """);

    files.onlyProblem("nosteps.yaml", 3, "steps", "must hold at least one item");
  }

  @Test
  @DisplayName("A duration in words is refused, saying the format")
  void durationInWords() {
    files.journey("slow.yaml", """
        id: slow
        description: Slow
        timeout: 5 minutes
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("slow.yaml", 3, "timeout",
        "'5 minutes' is not a duration: write a whole number and a unit (ms, s, m or h)");
  }

  @Test
  @DisplayName("A negative duration is refused")
  void negativeDuration() {
    files.journey("neg.yaml", """
        id: neg
        description: Negative
        steps:
          - name: login
            login: {}
            timeout: -1s
        """);

    files.onlyProblem("neg.yaml", 6, "steps[0].timeout", "'-1s' is not a duration");
  }

  @Test
  @DisplayName("A zero duration is refused where a positive one is needed")
  void zeroDuration() {
    files.journey("zero.yaml", """
        id: zero
        description: Zero
        steps:
          - name: login
            login: {}
            budget: 0s
        """);

    files.onlyProblem("zero.yaml", 6, "steps[0].budget", "a duration must be more than zero");
  }

  @Test
  @DisplayName("A number without a unit is not a duration")
  void durationWithoutUnit() {
    files.journey("nounit.yaml", """
        id: nounit
        description: No unit
        timeout: 30
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("nounit.yaml", 3, "timeout", "expected a duration such as 500ms, 30s, 5m or 1h, found a whole number");
  }

  @Test
  @DisplayName("A journey id with capitals or underscores is refused")
  void badJourneyId() {
    files.journey("bad.yaml", """
        id: Invoice_Posting
        description: Bad id
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("bad.yaml", 1, "id", "'Invoice_Posting' is not a valid journey id");
  }

  @Test
  @DisplayName("The same journey id in two files is reported at the second file")
  void duplicateJourneyId() {
    String journey = """
        id: same
        description: Same
        steps:
          - {name: login, login: {}}
        """;
    files.journey("a.yaml", journey).journey("b.yaml", journey);

    Problem problem = files.onlyProblem("b.yaml", 1, "id", "journey id 'same' is already used by ");
    assertTrue(problem.message().endsWith("a.yaml"), problem.message());
  }

  @Test
  @DisplayName("A param without a value is refused")
  void nullParam() {
    files.journey("param.yaml", """
        id: param
        description: Param
        params:
          partner:
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("param.yaml", 4, "params.partner", "null is not allowed here");
  }

  @Test
  @DisplayName("A YAML alias that refers to itself is refused instead of looping")
  void recursiveAlias() {
    files.journey("loop.yaml", """
        id: loop
        description: Loop
        params:
          tree: &tree [1, *tree]
        steps:
          - {name: login, login: {}}
        """);

    files.onlyProblem("loop.yaml", 4, "params.tree[1]", "refers to itself");
  }

  @Test
  @DisplayName("Problems are printed as file:line:column: field: message and sorted by file then line")
  void messageFormat() {
    files.journey("b.yaml", """
        id: b
        description: B
        steps:
          - {name: login, login: {}, soft: 1}
        """).journey("a.yaml", """
        id: a
        description: A
        timeout: never
        steps: {}
        """);

    CatalogException e = assertThrows(CatalogException.class, files::load);
    List<String> lines = e.getMessage().lines().toList();
    assertEquals(3, lines.size(), e.getMessage());
    assertTrue(lines.get(0).matches(".*/a\\.yaml:3:10: timeout: '.*"), lines.get(0));
    assertTrue(lines.get(1).matches(".*/a\\.yaml:4:8: steps: expected a list, found a map"), lines.get(1));
    assertTrue(lines.get(2).matches(".*/b\\.yaml:4:36: steps\\[0]\\.soft: expected true or false, found a whole number"),
        lines.get(2));
  }
}
