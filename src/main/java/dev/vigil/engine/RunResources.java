package dev.vigil.engine;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resources a run opens on first use and keeps for all its steps, teardown included (a browser
 * context): opened once per key, closed by the runner when the run ends, whatever its outcome.
 * Confined to the run's event loop.
 */
public final class RunResources {
  private final Map<Object, Future<? extends Resource>> opened = new LinkedHashMap<>();

  /** Something a run holds until it ends. */
  public interface Resource {
    /** Releases it; completes (never fails) once released, within a bounded time. */
    Future<Void> close();
  }

  /**
   * The run's resource under {@code key}, opened by {@code opener} the first time. A failed opening
   * is kept too: the run's later steps fail the same way instead of trying again.
   */
  @SuppressWarnings("unchecked")
  public <R extends Resource> Future<R> open(Object key, Supplier<Future<R>> opener) {
    return (Future<R>) opened.computeIfAbsent(key, ignored -> opener.get());
  }

  /** Closes every resource opened (in the order opened); completes when all are closed. */
  Future<Void> closeAll() {
    List<Future<Void>> closing = new ArrayList<>();
    for (Future<? extends Resource> resource : opened.values()) {
      closing.add(resource.transform(done -> done.succeeded() ? done.result().close() : Future.succeededFuture()));
    }
    opened.clear();
    return Future.join(closing).<Void>mapEmpty().otherwiseEmpty();
  }
}
