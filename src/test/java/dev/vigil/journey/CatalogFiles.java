package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.domain.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Journey and tenant files written into a temporary folder ({@code journeys/}, {@code tenants/}),
 * loaded the way Vigil loads them, with assertions on the problems found.
 */
final class CatalogFiles {
  /** A valid journey declaring one param, for tenant tests. */
  static final String PING = """
      id: ping
      description: Ping
      params:
        partner: Azure Interior
      steps:
        - name: login
          login: {}
      """;

  /** A valid tenant header (lines 1-9) for tenant tests; journeys follow from line 10. */
  static final String TENANT_HEAD = """
      name: Clinic North
      odoo:
        url: https://clinic-north.example.com
        database: clinic_north
        login: vigil-monitor
        password: {env: CLINIC_NORTH_PASSWORD}
      tier: shared
      timezone: Europe/Brussels
      allowed_origins: []
      """;

  private final Path journeys;
  private final Path tenants;

  CatalogFiles(Path root) {
    this.journeys = root.resolve("journeys");
    this.tenants = root.resolve("tenants");
    try {
      Files.createDirectories(journeys);
      Files.createDirectories(tenants);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CatalogFiles journey(String fileName, String yaml) {
    write(journeys.resolve(fileName), yaml);
    return this;
  }

  CatalogFiles tenant(String fileName, String yaml) {
    write(tenants.resolve(fileName), yaml);
    return this;
  }

  Catalog load() throws CatalogException {
    return CatalogLoader.load(tenants, journeys);
  }

  /** The problems found; fails the test when the files load. */
  List<Problem> problems() {
    return assertThrows(CatalogException.class, this::load, "the files should be refused").problems();
  }

  /** Asserts that exactly one problem is found, and that it is this one. */
  Problem onlyProblem(String file, int line, String field, String messagePart) {
    List<Problem> problems = problems();
    Problem problem = assertProblem(problems, file, line, field, messagePart);
    if (problems.size() != 1) {
      fail("expected only one problem, found:\n" + describe(problems));
    }
    return problem;
  }

  /** Asserts that a problem names this file (its last path segments), line and field. */
  static Problem assertProblem(
      List<Problem> problems, String file, int line, String field, String messagePart) {
    return problems.stream()
        .filter(p -> p.pos().file().replace('\\', '/').endsWith("/" + file)
            || p.pos().file().equals(file))
        .filter(p -> p.pos().line() == line)
        .filter(p -> p.field().equals(field))
        .filter(p -> p.message().contains(messagePart))
        .findFirst()
        .orElseGet(() -> fail("no problem " + file + ":" + line + ": " + field + ": ..."
            + messagePart + "... among:\n" + describe(problems)));
  }

  static String describe(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
