package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A folder of broken files")
class AllProblemsAtOnceTest {
  private static final Path BROKEN = ProjectFiles.dir().resolve("src/test/resources/catalog/broken");

  private static List<Problem> problems() {
    return assertThrows(CatalogException.class,
        () -> CatalogLoader.load(BROKEN.resolve("tenants"), BROKEN.resolve("journeys"))).problems();
  }

  @Test
  @DisplayName("reports every problem of every file at once")
  void everyProblemAtOnce() {
    List<Problem> problems = problems();

    assertProblem(problems, "journeys/bad-steps.yaml", 4, "timeout", "'5 minutes' is not a duration");
    assertProblem(problems, "journeys/bad-steps.yaml", 11, "steps[1].search_read.domain[0][2]",
        "the journey declares no param 'partner'");
    assertProblem(problems, "journeys/bad-steps.yaml", 12, "steps[2].name", "step name 'find' is already used");
    assertProblem(problems, "journeys/bad-steps.yaml", 13, "steps[2].read.ids", "no step in this journey extracts 'partner'");
    assertProblem(problems, "journeys/bad-steps.yaml", 15, "steps[2].assert[0].equal", "did you mean 'equals'?");
    assertProblem(problems, "journeys/bad-steps.yaml", 15, "steps[2].assert[0]", "an assertion needs one operator");
    assertProblem(problems, "journeys/syntax.yaml", 4, "", "YAML syntax error");
    assertProblem(problems, "tenants/clinic-a.yaml", 3, "odoo.url", "it must not have a path");
    assertProblem(problems, "tenants/clinic-a.yaml", 6, "odoo.password", "a secret must not be written in the file");
    assertProblem(problems, "tenants/clinic-a.yaml", 7, "tier", "unknown tier 'gold'");
    assertProblem(problems, "tenants/clinic-a.yaml", 9, "journeys[0].interval", "the interval must be 10s or more");
    assertProblem(problems, "tenants/clinic-a.yaml", 10, "journeys[1].id", "unknown journey 'missing'");
    assertProblem(problems, "tenants/Clinic_B.yaml", 1, "", "the file name 'Clinic_B' is not a valid tenant id");
    assertProblem(problems, "tenants/Clinic_B.yaml", 7, "timezone", "unknown time zone 'Mars/Olympus'");
    assertProblem(problems, "tenants/Clinic_B.yaml", 10, "journeys[0].params.vendor", "the journey declares no param 'vendor'");
    assertEquals(15, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("lists the problems sorted by file, then line")
  void sorted() {
    List<Problem> problems = problems();

    assertEquals(problems.stream().sorted(Problem.BY_POSITION).toList(), problems);
  }

  @Test
  @DisplayName("never prints the password written inline")
  void noSecretInMessages() {
    CatalogException e = assertThrows(CatalogException.class,
        () -> CatalogLoader.load(BROKEN.resolve("tenants"), BROKEN.resolve("journeys")));

    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  @DisplayName("names files relative to the working directory")
  void relativeFileNames() {
    Path workingDir = Path.of("").toAbsolutePath();
    assumeTrue(BROKEN.toAbsolutePath().startsWith(workingDir), "the project is the working directory");

    problems().forEach(problem -> assertFalse(Path.of(problem.pos().file()).isAbsolute(), problem.toString()));
  }
}
