package dev.vigil.journey;

import java.nio.file.Path;

/** Where the repository's own journeys and tenants are, for tests that check them. */
final class ProjectFiles {
  private ProjectFiles() {}

  /** The project folder: system property {@code vigil.project.dir} (set by Surefire), else the working directory. */
  static Path dir() {
    String dir = System.getProperty("vigil.project.dir");
    return dir == null ? Path.of("").toAbsolutePath() : Path.of(dir);
  }

  static Path journeys() {
    return dir().resolve("journeys");
  }

  static Path tenants() {
    return dir().resolve("tenants");
  }
}
