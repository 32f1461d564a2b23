package dev.vigil.cli;

import dev.vigil.bootstrap.ResolvedSecrets;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.SecretResolver;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code vigil check} runs against: a tenant and its secret, read ahead on the main thread.
 *
 * @param problems why the secret could not be read (naming the place, never a value)
 */
record CheckTarget(Tenant tenant, Function<SecretRef, Secret> secrets, List<String> problems) {
  static final String SANDBOX_DATABASE = "sandbox";

  /** A tenant of the catalog or the command line. Reads its secret: call on the main thread. */
  static CheckTarget of(Tenant tenant, SecretResolver resolver) {
    ResolvedSecrets secrets = new ResolvedSecrets(List.of(tenant), resolver);
    return new CheckTarget(tenant, secrets,
        secrets.failures().values().stream().map(Throwable::getMessage).toList());
  }

  /**
   * Starts a sandbox Odoo of {@code version} on an ephemeral port, with one database that has
   * account, stock and purchase installed, and targets it as its admin user.
   */
  static Future<CheckTarget> sandbox(Vertx vertx, int version, String journeyId) {
    SandboxConfig config = SandboxConfig.defaults(version)
        .withDatabase(SandboxConfig.Database.of(SANDBOX_DATABASE).withModule("purchase"));
    return SandboxOdoo.start(vertx, config).map(sandbox -> {
      Credentials credentials = new Credentials("admin", new SecretRef.Env("VIGIL_SANDBOX_PASSWORD"));
      Tenant tenant = AdHocTarget.tenant(URI.create(sandbox.baseUrl()), SANDBOX_DATABASE, OdooApi.SESSION,
          credentials, journeyId);
      Secret password = new Secret(config.adminPassword());
      return new CheckTarget(tenant, ref -> password, List.of());
    });
  }
}
