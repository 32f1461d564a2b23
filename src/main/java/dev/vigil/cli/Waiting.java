package dev.vigil.cli;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on the CLI's main thread (never an event loop) for a future, with a limit. */
final class Waiting {
  private Waiting() {}

  static <T> T forResult(Future<T> future, Duration limit) throws TimeoutException, ExecutionException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ExecutionException(interrupted);
    }
  }
}
