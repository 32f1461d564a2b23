package dev.vigil.store.redis;

import java.nio.file.Path;

/**
 * A JVM that starts an embedded Redis, prints {@code pid <n>} and waits to be killed: how
 * {@link EmbeddedRedisTest} checks that the server dies with a JVM killed with -9.
 */
public final class EmbeddedRedisChild {
  private EmbeddedRedisChild() {}

  public static void main(String[] args) throws Exception {
    EmbeddedRedis redis = new EmbeddedRedis(Path.of(args[0]));
    redis.start();
    System.out.println("pid " + redis.pid().orElseThrow());
    System.out.flush();
    Thread.sleep(120_000); // the test kills this JVM long before; never outlive a test run
    redis.close();
  }
}
