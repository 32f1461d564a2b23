package dev.vigil.engine;

import dev.vigil.domain.StepAction;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of step executors, one per action type: journeys are data, step kinds are code.
 * Immutable once built; thread-safe.
 */
public final class StepExecutors {
  private final Map<Class<?>, StepExecutor<?>> byType;

  public StepExecutors(List<StepExecutor<?>> executors) {
    Map<Class<?>, StepExecutor<?>> map = new HashMap<>();
    for (StepExecutor<?> executor : executors) {
      if (map.put(executor.actionType(), executor) != null) {
        throw new IllegalArgumentException("two executors for " + executor.actionType().getSimpleName());
      }
    }
    this.byType = Map.copyOf(map);
  }

  /** Runs the action with the executor registered for its type. */
  public Future<Object> execute(StepAction action, StepContext context) {
    StepExecutor<?> executor = byType.get(action.getClass());
    if (executor == null) {
      return Future.failedFuture(
          new IllegalStateException("no executor registered for step kind " + action.kind()));
    }
    return run(executor, action, context);
  }

  @SuppressWarnings("unchecked")
  private static <A extends StepAction> Future<Object> run(
      StepExecutor<A> executor, StepAction action, StepContext context) {
    return executor.execute((A) action, context);
  }
}
