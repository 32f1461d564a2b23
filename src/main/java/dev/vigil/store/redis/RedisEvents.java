package dev.vigil.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of the cross-replica channel: subscribes on a connection of its own and hands
 * every {@link LiveEvent} published by any replica, this one included, to a handler, on the
 * context that called {@link #start()} (a new event-loop context if it was not called on one):
 * connection, subscription and delivery all happen there.
 *
 * <p>Delivery is Redis pub/sub's: at most once, nothing while disconnected. When the connection
 * ends (Redis restarted, network lost) it subscribes again with backoff (200 ms up to 5 s),
 * logging once when the outage begins and once when it ends; a live stream should take a fresh
 * snapshot when {@link #resubscribedHandler its resubscribed handler} is called. A message that is not an event is logged and skipped; a
 * handler that throws is logged and the next event is still delivered.
 */
public final class RedisEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEvents.class);

  private final Vertx vertx;
  private final Redis redis;
  private final String channel;
  private final Duration timeout;
  private final Handler<LiveEvent> handler;
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
  private final Promise<Void> firstSubscription = Promise.promise();
  private Context context;
  private Handler<Void> resubscribed = v -> {};
  private RedisConnection connection;
  private long outageSince;
  private long retryTimer = -1;
  private volatile boolean closed;

  public RedisEvents(Vertx vertx, Redis redis, String channel, Duration timeout, Handler<LiveEvent> handler) {
    this.vertx = vertx;
    this.redis = redis;
    this.channel = channel;
    this.timeout = timeout;
    this.handler = handler;
  }

  /** Called each time the subscription is back after it was lost (events may have been missed). */
  public synchronized RedisEvents resubscribedHandler(Handler<Void> handler) {
    this.resubscribed = handler;
    return this;
  }

  /**
   * Subscribes. The future completes at the first subscription; while Redis is away it stays
   * pending and subscription is retried until {@link #close()}.
   */
  public synchronized Future<Void> start() {
    if (context == null) {
      context = vertx.getOrCreateContext();
      context.runOnContext(v -> subscribe());
    }
    return firstSubscription.future();
  }

  /** Unsubscribes and closes the connection; no event is delivered after. */
  public synchronized Future<Void> close() {
    closed = true;
    vertx.cancelTimer(retryTimer);
    firstSubscription.tryFail("closed before it subscribed");
    RedisConnection current = connection;
    connection = null;
    return current == null ? Future.succeededFuture() : current.close().otherwiseEmpty();
  }

  private synchronized void subscribe() {
    if (closed) {
      return;
    }
    redis.connect()
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .compose(conn -> {
          conn.handler(this::onMessage);
          conn.exceptionHandler(e -> lost(conn, e));
          conn.endHandler(v -> lost(conn, null));
          return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel))
              .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .map(conn)
              .onFailure(e -> conn.close());
        })
        .onSuccess(this::subscribed)
        .onFailure(e -> retry(e.toString()));
  }

  private synchronized void subscribed(RedisConnection conn) {
    if (closed) {
      conn.close();
      return;
    }
    connection = conn;
    backoff.reset();
    if (outageSince != 0) {
      LOG.info("subscribed again to Redis channel {} after {} s", channel,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageSince));
      outageSince = 0;
      resubscribed.handle(null);
    } else {
      LOG.info("subscribed to Redis channel {}", channel);
    }
    firstSubscription.tryComplete();
  }

  private synchronized void lost(RedisConnection conn, Throwable cause) {
    if (conn != connection) {
      return; // an end after an exception, or a connection already replaced
    }
    connection = null;
    if (cause != null) {
      conn.close(); // an ended connection is closed already
    }
    retry(cause == null ? "connection closed" : cause.toString());
  }

  private synchronized void retry(String why) {
    if (closed) {
      return;
    }
    if (outageSince == 0) {
      outageSince = System.nanoTime();
      LOG.warn("lost the subscription to Redis channel {} ({}); subscribing again until it is back", channel, why);
    }
    retryTimer = vertx.setTimer(backoff.next().toMillis(), id -> context.runOnContext(v -> subscribe()));
  }

  private void onMessage(Response push) {
    // Pub/sub pushes are [message, channel, payload]; subscribe confirmations and others are skipped.
    if (closed || push.size() < 3 || !"message".equals(push.get(0).toString()) || !channel.equals(push.get(1).toString())) {
      return;
    }
    LiveEvent event;
    try {
      event = LiveEvent.decode(push.get(2).toString());
    } catch (IllegalArgumentException e) {
      LOG.warn("skipped a message on Redis channel {} that is not an event: {}", channel, e.getMessage());
      return;
    }
    try {
      handler.handle(event);
    } catch (RuntimeException e) {
      LOG.error("the handler of Redis channel {} failed on an event of replica {}", channel, event.replica(), e);
    }
  }
}
