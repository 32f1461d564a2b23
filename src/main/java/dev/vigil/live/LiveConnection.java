package dev.vigil.live;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TooManyFailures;
import dev.vigil.domain.Catalog;
import dev.vigil.store.redis.LiveSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One client of the live stream. It authenticates (token from the upgrade's {@code Authorization}
 * header, else a first {@code {"type":"auth","token":...}} within the timeout; a bad or missing
 * token closes it with {@value #UNAUTHORIZED}), is welcomed, subscribes to tenants it may see (a
 * tenant admin its own only; the platform any or all), receives a snapshot and then the deltas of
 * those tenants.
 *
 * <p>Deltas wait in a bounded {@link ClientQueue} while the socket cannot take more (its write queue
 * is full: a slow reader): statuses coalesce to the latest per check, and when the queue overflows
 * the waiting deltas are dropped and the client is sent {@code {"type":"resync"}} — it subscribes
 * again for a fresh snapshot. Memory per client is bounded and nothing ever waits for a client.
 *
 * <p>Confined to the API's event loop: not thread-safe, never blocks. Never echoes or logs a token.
 */
final class LiveConnection {
  /** Close code for a missing, bad or revoked token. */
  static final short UNAUTHORIZED = 4401;
  /** Close code for a client slowed down after repeated authentication failures. */
  static final short THROTTLED = 4429;
  private static final String NOT_ALLOWED = "you may not subscribe to that";

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final String client;
  private final Authenticator authenticator;
  private final Supplier<Catalog> catalog;
  private final Function<Subscription, Future<LiveSnapshot>> snapshots;
  private final AnalysisView analysis;
  private final LiveSettings settings;
  private final ClientQueue<Outgoing> queue;
  private Principal principal;
  private boolean authenticating;
  private Subscription subscription = Subscription.NONE;
  private long generation;
  private boolean snapshotPending;
  private boolean waitingForDrain;
  private long authTimer = -1;

  LiveConnection(Vertx vertx, ServerWebSocket socket, String client, Authenticator authenticator,
      Supplier<Catalog> catalog, Function<Subscription, Future<LiveSnapshot>> snapshots, AnalysisView analysis,
      LiveSettings settings) {
    this.vertx = vertx;
    this.socket = socket;
    this.client = client;
    this.authenticator = authenticator;
    this.catalog = catalog;
    this.snapshots = snapshots;
    this.analysis = analysis;
    this.settings = settings;
    this.queue = new ClientQueue<>(settings.queueCapacity(), Outgoing::coalescingKey);
  }

  /** Starts: authenticates with the upgrade's token if there was one, else waits for it. */
  void start(Optional<String> upgradeToken) {
    socket.textMessageHandler(this::onText);
    socket.exceptionHandler(e -> socket.close());
    if (upgradeToken.isPresent()) {
      authenticate(upgradeToken.get());
    } else {
      authTimer = vertx.setTimer(settings.authTimeout().toMillis(), id -> {
        if (principal == null) {
          socket.close(UNAUTHORIZED, "authentication required");
        }
      });
    }
  }

  /** The token id, once authenticated. */
  Optional<String> tokenId() {
    return Optional.ofNullable(principal).map(Principal::tokenId);
  }

  /** Queues a delta if the client listens to its tenant, and sends what the socket can take. */
  void deliver(Outgoing message) {
    if (principal == null || !message.reaches(principal, subscription)) {
      return;
    }
    queue.offer(message);
    pump();
  }

  /** Events may have been missed (the Redis subscription was lost): the client must take a new snapshot. */
  void resync() {
    if (principal != null && subscription != Subscription.NONE) {
      queue.owe();
      pump();
    }
  }

  void ping() {
    if (!socket.isClosed()) {
      socket.writePing(Buffer.buffer("vigil"));
    }
  }

  void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }

  private void onText(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (RuntimeException notJson) {
      error("messages must be JSON objects");
      return;
    }
    String type = String.valueOf(message.getValue("type"));
    if (type.equals("auth")) {
      Object token = message.getValue("token");
      if (principal != null || authenticating) {
        error("already authenticated");
      } else if (token instanceof String given && !given.isBlank()) {
        authenticate(given);
      } else {
        socket.close(UNAUTHORIZED, "a token is required");
      }
    } else if (principal == null) {
      socket.close(UNAUTHORIZED, "authenticate first");
    } else if (type.equals("subscribe")) {
      subscribe(message);
    } else {
      error("unknown message type '" + type + "'");
    }
  }

  private void authenticate(String token) {
    authenticating = true;
    authenticator.authenticate(token, client)
        .timeout(settings.snapshotTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .onComplete(result -> {
          authenticating = false;
          vertx.cancelTimer(authTimer);
          if (result.failed()) {
            socket.close(result.cause() instanceof TooManyFailures ? THROTTLED : UNAUTHORIZED,
                result.cause() instanceof TooManyFailures ? "too many failed authentications" : "token check unavailable");
          } else if (result.result().isEmpty()) {
            socket.close(UNAUTHORIZED, "unknown or revoked token");
          } else {
            principal = result.result().get();
            JsonObject welcome = new JsonObject().put("type", "welcome").put("role", principal.role().label());
            principal.tenantId().ifPresent(tenant -> welcome.put("tenant", tenant));
            socket.writeTextMessage(welcome.encode());
          }
        });
  }

  private void subscribe(JsonObject message) {
    Optional<Subscription> asked = subscription(message);
    if (asked.isEmpty()) {
      return;
    }
    subscription = asked.get();
    long mine = ++generation;
    snapshotPending = true;
    queue.clear(); // the snapshot supersedes whatever was waiting
    snapshots.apply(subscription)
        .timeout(settings.snapshotTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .onComplete(result -> {
          if (mine != generation || socket.isClosed()) {
            return;
          }
          snapshotPending = false;
          if (result.failed()) {
            error("the live state is unavailable right now; subscribe again shortly");
          } else {
            JsonArray checks = new JsonArray();
            result.result().checks().stream().filter(c -> subscription.covers(c.check().tenantId()))
                .forEach(check -> checks.add(CheckJson.withRecentRuns(check)));
            socket.writeTextMessage(new JsonObject().put("type", "snapshot").put("checks", checks)
                .put("findings", findings()).put("alerts", alerts()).encode());
          }
          pump();
        });
  }

  /** The open findings this client may see, of the tenants it subscribed to. */
  private JsonArray findings() {
    JsonArray open = new JsonArray();
    analysis.openFindings().stream()
        .filter(f -> AnalysisJson.visible(principal, f) && concerns(AnalysisJson.tenants(f)))
        .forEach(f -> open.add(AnalysisJson.finding(f)));
    return open;
  }

  /** The open alerts this client may see, of the tenants it subscribed to. */
  private JsonArray alerts() {
    JsonArray open = new JsonArray();
    analysis.openAlerts().stream()
        .filter(a -> AnalysisJson.visible(principal, a) && concerns(AnalysisJson.tenants(a)))
        .forEach(a -> open.add(AnalysisJson.alert(a)));
    return open;
  }

  private boolean concerns(Set<String> tenants) {
    return subscription.all() || tenants.stream().anyMatch(subscription::covers);
  }

  /**
   * The subscription asked for, if the caller may have it; else answers an error that says nothing
   * of whether a tenant exists.
   */
  private Optional<Subscription> subscription(JsonObject message) {
    if (principal.role() == Role.GATE) {
      error(NOT_ALLOWED);
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(message.getValue("all"))) {
      if (principal.role() != Role.PLATFORM) {
        error(NOT_ALLOWED);
        return Optional.empty();
      }
      return Optional.of(Subscription.everything());
    }
    if (!(message.getValue("tenants") instanceof JsonArray tenants) || tenants.isEmpty()) {
      error("subscribe needs \"tenants\": [...] or \"all\": true");
      return Optional.empty();
    }
    Set<String> wanted = new LinkedHashSet<>();
    Catalog current = catalog.get();
    for (Object tenant : tenants) {
      if (!(tenant instanceof String id) || !principal.sees(id) || current.tenant(id).isEmpty()) {
        error(NOT_ALLOWED);
        return Optional.empty();
      }
      wanted.add(id);
    }
    return Optional.of(Subscription.of(wanted));
  }

  /** Sends waiting deltas while the socket takes them; a resync first when one is owed. */
  private void pump() {
    if (snapshotPending || socket.isClosed()) {
      return;
    }
    while (!socket.writeQueueFull()) {
      if (queue.takeResync()) {
        socket.writeTextMessage("{\"type\":\"resync\"}");
        continue;
      }
      Optional<Outgoing> next = queue.poll();
      if (next.isEmpty()) {
        return;
      }
      socket.writeTextMessage(next.get().text());
    }
    if (!waitingForDrain) {
      waitingForDrain = true;
      socket.drainHandler(v -> {
        waitingForDrain = false;
        pump();
      });
    }
  }

  private void error(String message) {
    socket.writeTextMessage(new JsonObject().put("type", "error").put("message", message).encode());
  }
}
