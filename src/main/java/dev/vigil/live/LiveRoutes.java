package dev.vigil.live;

import dev.vigil.analysis.AnalysisListener;
import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.api.ApiRoutes;
import dev.vigil.api.BearerToken;
import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Revocations;
import dev.vigil.domain.Catalog;
import dev.vigil.store.redis.LiveSnapshot;
import dev.vigil.store.redis.RedisEvents;
import dev.vigil.store.redis.RedisStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream, {@code GET /ws} (a WebSocket upgrade): refused with 403 when the
 * {@code Origin} header names a page that is not allowed ({@link AllowedOrigins}); the token comes
 * from the upgrade's {@code Authorization: Bearer} header or the first message — never from the
 * URL, which lands in access logs (a {@code token} query parameter is ignored). Events come from
 * the Redis channel, so every replica's runs reach every replica's clients; when the subscription
 * to it was lost and is back, every client is told to resync.
 *
 * <p>As an {@link AnalysisListener} it streams this replica's findings and alerts (thread-safe:
 * handed over to the API's event loop); the snapshot also holds the open ones ({@link AnalysisView}),
 * each to those who may see it.
 *
 * <p>Mounted on the API's event loop, where the hub, its connections and the Redis subscriber all
 * run; {@link #close} stops them.
 */
public final class LiveRoutes implements ApiRoutes, AnalysisListener {
  public static final String PATH = "/ws";
  private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);

  private final Vertx vertx;
  private final RedisStore redis;
  private final Authenticator authenticator;
  private final Supplier<Catalog> catalog;
  private final AllowedOrigins origins;
  private final LiveSettings settings;
  private final LiveHub hub;
  private final AnalysisView analysis;
  private RedisEvents events;
  private volatile Context context;

  public LiveRoutes(Vertx vertx, RedisStore redis, Authenticator authenticator, Revocations revocations,
      Supplier<Catalog> catalog, AllowedOrigins origins, LiveSettings settings) {
    this(vertx, redis, authenticator, revocations, catalog, origins, settings, AnalysisView.NONE);
  }

  /** @param analysis the open findings and alerts, for snapshots */
  public LiveRoutes(Vertx vertx, RedisStore redis, Authenticator authenticator, Revocations revocations,
      Supplier<Catalog> catalog, AllowedOrigins origins, LiveSettings settings, AnalysisView analysis) {
    this.analysis = analysis;
    this.vertx = vertx;
    this.redis = redis;
    this.authenticator = authenticator;
    this.catalog = catalog;
    this.origins = origins;
    this.settings = settings;
    this.hub = new LiveHub(vertx, revocations, settings);
  }

  @Override
  public void mount(Router router) {
    context = vertx.getOrCreateContext();
    hub.start();
    events = redis.events(hub::publish).resubscribedHandler(v -> hub.resyncAll());
    events.start();
    router.get(PATH).handler(this::upgrade);
  }

  @Override
  public void onFindingOpened(Finding finding) {
    stream(Outgoing.of(finding));
  }

  @Override
  public void onFindingClosed(Finding finding) {
    stream(Outgoing.of(finding));
  }

  @Override
  public void onAlertOpened(Alert alert) {
    stream(Outgoing.of(alert));
  }

  @Override
  public void onAlertResolved(Alert alert) {
    stream(Outgoing.of(alert));
  }

  /** Hands a delta to the hub on the API's event loop; dropped before the routes are mounted. */
  private void stream(Outgoing message) {
    Context api = context;
    if (api != null) {
      api.runOnContext(v -> hub.publish(message));
    }
  }

  @Override
  public Future<Void> close() {
    hub.stop();
    return events == null ? Future.succeededFuture() : events.close();
  }

  private void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin != null && !origins.allows(origin, ctx.request().getHeader(HttpHeaders.HOST))) {
      ctx.response().setStatusCode(403).end("origin not allowed");
      return;
    }
    if (!ctx.request().canUpgradeToWebSocket()) {
      ctx.response().setStatusCode(400).end("a WebSocket upgrade is expected here");
      return;
    }
    Optional<String> token = BearerToken.of(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    String client = ctx.request().remoteAddress().hostAddress();
    ctx.request().toWebSocket()
        .onSuccess(socket -> {
          LiveConnection connection = new LiveConnection(vertx, socket, client, authenticator, catalog,
              this::snapshot, analysis, settings);
          hub.add(connection);
          socket.closeHandler(v -> hub.remove(connection));
          connection.start(token);
        })
        .onFailure(e -> LOG.debug("WebSocket upgrade from {} failed: {}", client, e.toString()));
  }

  private Future<LiveSnapshot> snapshot(Subscription subscription) {
    return subscription.all() ? redis.liveState().snapshotAll() : redis.liveState().snapshot(subscription.tenants());
  }
}
