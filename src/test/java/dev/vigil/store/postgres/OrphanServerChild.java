package dev.vigil.store.postgres;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresOrphanTest}: starts a server in the folder given,
 * prints its process id, and waits to be killed.
 */
public final class OrphanServerChild {
  private OrphanServerChild() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedPostgres server = TestPostgres.dedicated(Path.of(args[0])).start();
    System.out.println("postgres-pid " + server.pid().orElseThrow());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
