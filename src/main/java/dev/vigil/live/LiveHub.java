package dev.vigil.live;

import dev.vigil.api.auth.Revocations;
import dev.vigil.store.redis.LiveEvent;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open live connections: hands each event of the cross-replica channel to the connections
 * that listen to its tenant (encoded once for all), pings them all every
 * {@link LiveSettings#pingInterval}, and closes those whose token was revoked (asked every
 * {@link LiveSettings#revocationCheck}; a check that fails is logged and tried again next time).
 *
 * <p>Confined to the API's event loop, like its connections: not thread-safe, never blocks.
 */
final class LiveHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

  private final Vertx vertx;
  private final Revocations revocations;
  private final LiveSettings settings;
  private final Set<LiveConnection> connections = new LinkedHashSet<>();
  private final List<Long> timers = new ArrayList<>();
  private boolean checking;

  LiveHub(Vertx vertx, Revocations revocations, LiveSettings settings) {
    this.vertx = vertx;
    this.revocations = revocations;
    this.settings = settings;
  }

  /** Starts pinging and checking revocations, on the calling context. */
  void start() {
    timers.add(vertx.setPeriodic(settings.pingInterval().toMillis(), id -> connections.forEach(LiveConnection::ping)));
    timers.add(vertx.setPeriodic(settings.revocationCheck().toMillis(), id -> closeRevoked()));
  }

  void add(LiveConnection connection) {
    connections.add(connection);
  }

  void remove(LiveConnection connection) {
    connections.remove(connection);
  }

  /** An event of any replica, to every connection listening to its tenant. */
  void publish(LiveEvent event) {
    publish(Outgoing.of(event));
  }

  /** A delta, to every connection that may see it and listens to one of its tenants. */
  void publish(Outgoing message) {
    for (LiveConnection connection : connections) {
      connection.deliver(message);
    }
  }

  /** The channel was lost for a while: every subscribed connection must take a new snapshot. */
  void resyncAll() {
    connections.forEach(LiveConnection::resync);
  }

  /** Stops the timers and closes every connection (going away). */
  void stop() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
    new ArrayList<>(connections).forEach(c -> c.close((short) 1001, "Vigil is stopping"));
  }

  private void closeRevoked() {
    if (checking) {
      return;
    }
    Set<String> ids = new LinkedHashSet<>();
    connections.forEach(c -> c.tokenId().ifPresent(ids::add));
    if (ids.isEmpty()) {
      return;
    }
    checking = true;
    revocations.revokedAmong(ids)
        .timeout(settings.revocationCheck().toMillis(), TimeUnit.MILLISECONDS)
        .onComplete(result -> {
          checking = false;
          if (result.failed()) {
            LOG.warn("could not check the live connections' tokens for revocation: {}", result.cause().toString());
            return;
          }
          Set<String> revoked = result.result();
          new ArrayList<>(connections).stream()
              .filter(c -> c.tokenId().filter(revoked::contains).isPresent())
              .forEach(c -> c.close(LiveConnection.UNAUTHORIZED, "token revoked"));
        });
  }
}
