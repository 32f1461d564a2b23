package dev.vigil.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} a crashed server leaves behind. PostgreSQL ignores it by itself when
 * its process is gone, but refuses to start when that process id now belongs to someone else —
 * common in containers, where ids are reused at once. So: a file naming a live PostgreSQL on this
 * very data folder is a server still running (refused, with how to stop it); a file naming any
 * other live process is stale and removed; a file naming no process is left to PostgreSQL.
 */
final class StalePidFile {
  private StalePidFile() {}

  static void clear(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> owner = lines.isEmpty() ? Optional.empty() : parse(lines.get(0).strip());
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return;
    }
    if (isPostgresOn(owner.get(), dataDir)) {
      throw new IllegalStateException("PostgreSQL (pid " + owner.get().pid() + ") is already running on " + dataDir
          + " (another Vigil?). Stop it ('kill -INT " + owner.get().pid() + "') or use another data folder");
    }
    Files.delete(pidFile);
  }

  private static Optional<ProcessHandle> parse(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgresOn(ProcessHandle process, Path dataDir) {
    try {
      List<String> argv = List.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
          .split("\0"));
      return argv.get(0).endsWith("bin/postgres") && argv.contains(dataDir.toString());
    } catch (IOException e) {
      return false;
    }
  }
}
