package dev.vigil.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which user PostgreSQL runs as. {@code initdb} and {@code postgres} refuse to run as root, so
 * when Vigil is root (a container, a CI machine) they run either in a user namespace
 * ({@code unshare -U}: the process sees itself as 65534 yet keeps root's access to root's files,
 * so a data folder under {@code /root} works) or, where user namespaces are forbidden, as user
 * 65534 ({@code setpriv}), which needs the folders chowned and every parent folder searchable.
 * Every server process carries {@code --pdeathsig=INT}: it shuts down when the JVM dies.
 */
enum ServerUser {
  /** Not root: run as ourselves. */
  CURRENT,
  /** Root, in a user namespace of our own. */
  USER_NAMESPACE,
  /** Root, switched to nobody (65534). */
  NOBODY;

  private static final int NOBODY_ID = 65534;

  /** Probes this machine, once per call: blocking, a few milliseconds. */
  static ServerUser detect() {
    if (!isRoot()) {
      return CURRENT;
    }
    if (succeeds("unshare", "-U", "true")) {
      return USER_NAMESPACE;
    }
    if (succeeds("setpriv", "--reuid=" + NOBODY_ID, "--regid=" + NOBODY_ID, "--clear-groups", "--", "true")) {
      return NOBODY;
    }
    throw new IllegalStateException("running as root, and neither 'unshare -U' nor 'setpriv' works here: PostgreSQL "
        + "refuses to run as root. Run Vigil as another user, or set VIGIL_DATABASE_URL to an external PostgreSQL");
  }

  /** The command line that runs {@code command} as this user, stopped by SIGINT when the JVM dies. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    if (this == USER_NAMESPACE) {
      wrapped.addAll(List.of("unshare", "-U"));
    }
    wrapped.add("setpriv");
    if (this == NOBODY) {
      wrapped.addAll(List.of("--reuid=" + NOBODY_ID, "--regid=" + NOBODY_ID, "--clear-groups"));
    }
    wrapped.addAll(List.of("--pdeathsig=INT", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Makes {@code dir} (created if missing) usable by the server: owned by the server's user, and,
   * for nobody, reachable through every parent folder. Fails naming the folder and the fix.
   */
  void prepare(Path dir, Path binaries) throws IOException {
    Files.createDirectories(dir);
    if (this != NOBODY) {
      return;
    }
    requireSearchable(dir.toAbsolutePath().getParent());
    requireSearchable(binaries.toAbsolutePath());
    if (!Integer.valueOf(NOBODY_ID).equals(Files.getAttribute(dir, "unix:uid"))) {
      run(List.of("chown", "-R", NOBODY_ID + ":" + NOBODY_ID, dir.toString()));
    }
  }

  private static void requireSearchable(Path dir) throws IOException {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException("PostgreSQL runs as user 65534 (nobody) and cannot reach " + d
            + ": the folder is not searchable by others. Fix: 'chmod o+x " + d + "', or put the data "
            + "folder (data_dir) elsewhere");
      }
    }
  }

  private static boolean isRoot() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean succeeds(String... command) {
    try {
      run(List.of(command));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
    }
  }
}
