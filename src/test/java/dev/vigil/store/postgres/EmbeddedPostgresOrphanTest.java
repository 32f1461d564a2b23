package dev.vigil.store.postgres;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedPostgresOrphanTest {

  @Test
  @DisplayName("PostgreSQL stops by itself when the JVM that started it is killed with SIGKILL")
  void serverDiesWithItsJvm() throws Exception {
    Path dir = TestPostgres.root().resolve("orphan-" + ProcessHandle.current().pid());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dvigil.buildDir=" + System.getProperty("vigil.buildDir", "target"), OrphanServerChild.class.getName(),
        dir.toString())).redirectErrorStream(true).start();
    try {
      long postgres = postgresPid(child);
      assertTrue(ProcessHandle.of(postgres).isPresent(), "the server runs");

      new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();

      Optional<ProcessHandle> server = ProcessHandle.of(postgres);
      boolean stopped = server.isEmpty() || server.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS)
          .thenApply(p -> !server.get().isAlive()).get();
      assertTrue(stopped, "PostgreSQL (pid " + postgres + ") outlived its JVM");
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      PostgresBinaries.deleteTree(dir);
    }
  }

  private static long postgresPid(Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("postgres-pid ")) {
        return Long.parseLong(line.substring("postgres-pid ".length()));
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the child JVM ended without starting PostgreSQL:\n" + seen);
  }
}
