package dev.vigil.store.redis;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's Redis: the server (the one at {@code VIGIL_REDIS_URL}, or an {@link EmbeddedRedis}
 * started in the data folder), one pooled client, and what is built on it: the
 * {@link RedisLiveState}, the {@link RedisEvents} subscribers, the {@link RedisLeases} and the
 * {@link RedisMembership} of replicas.
 *
 * <p>Starting does not wait for an external server to answer: monitoring must start and go on
 * while Redis is away, and everything here catches up when it returns. The client connects
 * lazily, at most 8 connections plus one per subscriber, with 2 s to connect; a connection that
 * fails is not retried by the client itself: each user retries with its own backoff.
 */
public final class RedisStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

  private final Vertx vertx;
  private final RedisSettings settings;
  private final Optional<EmbeddedRedis> embedded;
  private final Redis redis;
  private final RedisLiveState liveState;
  private final RedisLeases leases;
  private final List<RedisEvents> subscribers = new ArrayList<>();

  private RedisStore(Vertx vertx, RedisSettings settings, Optional<EmbeddedRedis> embedded, RedisUrl url,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.settings = settings;
    this.embedded = embedded;
    this.redis = Redis.createClient(vertx, clientOptions(url, settings));
    this.liveState = new RedisLiveState(vertx, redis, settings, registry);
    this.leases = new RedisLeases(redis, settings.commandTimeout());
  }

  /**
   * Starts the embedded server first when no URL is set (on a worker thread: it copies a binary
   * and waits for the process), then creates the client.
   */
  public static Future<RedisStore> start(Vertx vertx, RedisSettings settings, MeterRegistry registry) {
    if (settings.url().isPresent()) {
      RedisUrl url = settings.url().get();
      LOG.info("live state in Redis at {}", url);
      return Future.succeededFuture(new RedisStore(vertx, settings, Optional.empty(), url, registry));
    }
    EmbeddedRedis server = new EmbeddedRedis(settings.dataDir());
    return vertx.executeBlocking(() -> {
      try {
        server.start();
        return server;
      } catch (Exception e) {
        server.close();
        throw e;
      }
    }).map(started -> new RedisStore(vertx, settings, Optional.of(started), RedisUrl.parse(started.url()), registry));
  }

  /** The pooled client, for further users of this Redis. */
  static RedisOptions clientOptions(RedisUrl url, RedisSettings settings) {
    RedisOptions options = url.toOptions()
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1024)
        .setPoolRecycleTimeout(15_000);
    options.getNetClientOptions()
        .setConnectTimeout((int) settings.commandTimeout().toMillis())
        .setTcpKeepAlive(true)
        .setReconnectAttempts(0);
    return options;
  }

  public RedisLiveState liveState() {
    return liveState;
  }

  public RedisLeases leases() {
    return leases;
  }

  /** The live replicas of {@code location}. */
  public RedisMembership membership(String location) {
    return new RedisMembership(redis, settings.commandTimeout(), location);
  }

  /** The embedded server, when Vigil runs its own. */
  public Optional<EmbeddedRedis> embedded() {
    return embedded;
  }

  /**
   * A subscriber of the event channel delivering to {@code handler}, on a connection of its own
   * once {@link RedisEvents#start() started}; it ends at {@link #close()} or its own
   * {@link RedisEvents#close()}.
   */
  public synchronized RedisEvents events(Handler<LiveEvent> handler) {
    RedisEvents events = new RedisEvents(vertx, redis, settings.channel(), settings.commandTimeout(), handler);
    subscribers.add(events);
    return events;
  }

  /** Stops the live state and the subscribers, closes the client, then stops the embedded server. */
  public Future<Void> close() {
    liveState.close();
    List<Future<Void>> closing;
    synchronized (this) {
      closing = subscribers.stream().map(RedisEvents::close).toList();
    }
    return Future.join(closing)
        .transform(x -> redis.close())
        .transform(x -> embedded.isEmpty() ? Future.<Void>succeededFuture() : vertx.executeBlocking(() -> {
          embedded.get().close();
          return null;
        }));
  }
}
