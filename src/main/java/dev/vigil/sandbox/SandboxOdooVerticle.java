package dev.vigil.sandbox;

import dev.vigil.sandbox.models.DemoData;
import dev.vigil.sandbox.server.OdooServer;
import dev.vigil.sandbox.server.SandboxRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.time.InstantSource;
import java.util.List;

/**
 * One sandbox Odoo server as a deployable unit: validates its {@link SandboxConfig} (refusing to
 * start with every problem listed), reads the demo data off the event loop, builds the databases
 * and listens. {@link #start()} completes once the server listens; {@link #port()} and
 * {@link #control()} are usable from then on. Undeploying stops the background load and closes
 * the server; requests still waiting on a hung database are dropped with their connections.
 */
public final class SandboxOdooVerticle extends VerticleBase {
  private final SandboxConfig config;
  private final InstantSource clock;
  private volatile HttpServer httpServer;
  private volatile SandboxControl control;
  private OdooServer server;

  public SandboxOdooVerticle(SandboxConfig config) {
    this(config, InstantSource.system());
  }

  /** @param clock the time of dates, datetimes and cookie expiries */
  public SandboxOdooVerticle(SandboxConfig config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    List<String> problems = config.validate();
    if (!problems.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("invalid sandbox config: " + String.join("; ", problems)));
    }
    return vertx.executeBlocking(DemoData::load)
        .compose(demoData -> {
          server = new OdooServer(vertx, context, config, demoData, clock);
          control = new SandboxControl(context, server);
          return vertx.createHttpServer()
              .requestHandler(SandboxRouter.create(vertx, server))
              .listen(config.port(), config.host());
        })
        .onSuccess(listening -> httpServer = listening);
  }

  /** Stops the simulated background users; Vert.x closes the HTTP server. */
  @Override
  public Future<?> stop() {
    if (server != null) {
      server.background().stopAll();
    }
    return Future.succeededFuture();
  }

  /**
   * The port the server listens on (the ephemeral one when configured with 0).
   *
   * @throws IllegalStateException before {@link #start()} completed
   */
  public int port() {
    if (httpServer == null) {
      throw new IllegalStateException("the sandbox is not listening yet");
    }
    return httpServer.actualPort();
  }

  /**
   * The control of the running server.
   *
   * @throws IllegalStateException before {@link #start()} completed
   */
  public SandboxControl control() {
    if (control == null || httpServer == null) {
      throw new IllegalStateException("the sandbox is not started yet");
    }
    return control;
  }
}
