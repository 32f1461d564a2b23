package dev.vigil.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * A sandbox Odoo server running in this process: the entry point for the CLI
 * ({@code vigil sandbox}), the demo and other packages' tests.
 *
 * <pre>{@code
 * SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic_north", "clinic_south").withPort(8069))
 *     .onSuccess(sandbox -> log.info("sandbox Odoo on {}", sandbox.baseUrl()));
 * }</pre>
 */
public final class SandboxOdoo {
  private final Vertx vertx;
  private final String deploymentId;
  private final SandboxOdooVerticle verticle;
  private final SandboxConfig config;

  private SandboxOdoo(Vertx vertx, String deploymentId, SandboxOdooVerticle verticle, SandboxConfig config) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.verticle = verticle;
    this.config = config;
  }

  /**
   * Deploys a sandbox server; completes when it listens, fails when the config is invalid (with
   * every problem in the message) or the port is taken.
   */
  public static Future<SandboxOdoo> start(Vertx vertx, SandboxConfig config) {
    return start(vertx, config, InstantSource.system());
  }

  /** As {@link #start(Vertx, SandboxConfig)}, with the clock of dates and cookie expiries. */
  public static Future<SandboxOdoo> start(Vertx vertx, SandboxConfig config, InstantSource clock) {
    SandboxOdooVerticle verticle = new SandboxOdooVerticle(config, clock);
    return vertx.deployVerticle(verticle).map(id -> new SandboxOdoo(vertx, id, verticle, config));
  }

  public int port() {
    return verticle.port();
  }

  /** {@code http://<host>:<port>}, with 127.0.0.1 when listening on every interface. */
  public String baseUrl() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + host + ":" + port();
  }

  public SandboxConfig config() {
    return config;
  }

  public SandboxControl control() {
    return verticle.control();
  }

  /** Undeploys the server (closing its port). */
  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }
}
