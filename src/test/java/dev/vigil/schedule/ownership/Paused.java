package dev.vigil.schedule.ownership;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Leases and membership of one replica that can be paused as a whole process would be (SIGSTOP):
 * while paused its calls are held back, and on {@link #resume()} they go out, late, on the
 * replica's event loop. Thread-safe.
 */
final class Paused implements Leases, Membership {
  private final Context context;
  private final Leases leases;
  private final Membership membership;
  private final List<Runnable> held = new ArrayList<>();
  private boolean paused;

  Paused(Context context, Leases leases, Membership membership) {
    this.context = context;
    this.leases = leases;
    this.membership = membership;
  }

  synchronized void pause() {
    paused = true;
  }

  void resume() {
    List<Runnable> late;
    synchronized (this) {
      paused = false;
      late = List.copyOf(held);
      held.clear();
    }
    late.forEach(Runnable::run);
  }

  private synchronized <T> Future<T> call(Supplier<Future<T>> call) {
    if (!paused) {
      return call.get();
    }
    Promise<T> later = Promise.promise();
    held.add(() -> context.runOnContext(v -> call.get().onComplete(later)));
    return later.future();
  }

  @Override
  public Future<OptionalLong> acquire(String key, String owner, Duration ttl) {
    return call(() -> leases.acquire(key, owner, ttl));
  }

  @Override
  public Future<Boolean> renew(String key, String owner, long token, Duration ttl) {
    return call(() -> leases.renew(key, owner, token, ttl));
  }

  @Override
  public Future<Boolean> release(String key, String owner) {
    return call(() -> leases.release(key, owner));
  }

  @Override
  public Future<Map<String, String>> owners(List<String> keys) {
    return call(() -> leases.owners(keys));
  }

  @Override
  public Future<Roster> heartbeat(String replica, int shards, Duration ttl) {
    return call(() -> membership.heartbeat(replica, shards, ttl));
  }

  @Override
  public Future<Void> leave(String replica) {
    return call(() -> membership.leave(replica));
  }
}
