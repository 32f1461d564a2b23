package dev.vigil.engine.e2e;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import java.nio.file.Path;

/**
 * The journeys the end-to-end tests run, loaded through {@link CatalogLoader} as production loads
 * them: the repository's built-in {@code journeys/} and the tests' own
 * {@code src/test/resources/e2e/journeys/}. Blocking file reads: load in {@code @BeforeAll}, never
 * on an event loop.
 */
final class Journeys {
  private final Catalog catalog;

  private Journeys(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The repository's {@code journeys/} folder. */
  static Journeys builtIn() throws CatalogException {
    return new Journeys(CatalogLoader.loadJourneys(projectDir().resolve("journeys")));
  }

  /** The end-to-end tests' own journeys. */
  static Journeys e2e() throws CatalogException {
    return new Journeys(CatalogLoader.loadJourneys(
        projectDir().resolve("src").resolve("test").resolve("resources").resolve("e2e").resolve("journeys")));
  }

  /** @throws IllegalArgumentException when no journey has this id */
  Journey get(String id) {
    return catalog.journey(id).orElseThrow(() -> new IllegalArgumentException("no journey " + id));
  }

  /** System property {@code vigil.project.dir} (set by Surefire), else the working directory. */
  private static Path projectDir() {
    String dir = System.getProperty("vigil.project.dir");
    return dir == null ? Path.of("").toAbsolutePath() : Path.of(dir);
  }
}
