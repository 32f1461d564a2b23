package dev.vigil.odoo;

import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.Tenant;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One shared {@link OdooClient} per tenant, so that every run of a tenant reuses one Odoo session.
 * A client is created on first use and kept by tenant id; when a catalog reload changes what the
 * client depends on (base URL, database, login, API or secret reference), the next {@link
 * #forTenant} replaces it with a new one (runs holding the old one finish with it).
 *
 * <p>Threads: may be used from any thread and several event loops at once (a {@link
 * ConcurrentHashMap}); creating a client does no I/O.
 *
 * <p>Secrets are resolved through {@code secrets} when a client authenticates, on that caller's
 * event loop: the function must not block (resolve files ahead of time). It may throw when a
 * secret is unavailable; the client then fails with an AUTH fault that names where the secret was
 * looked for ({@link SecretRef#describe()}), never a value.
 */
public final class OdooClients {
  private final Vertx vertx;
  private final WebClient webClient;
  private final Function<SecretRef, Secret> secrets;
  private final Duration connectTimeout;
  private final Duration loginTimeout;
  private final ConcurrentHashMap<String, Entry> clients = new ConcurrentHashMap<>();

  /** With the default connect (5 s) and login (10 s) timeouts. */
  public OdooClients(Vertx vertx, WebClient webClient, Function<SecretRef, Secret> secrets) {
    this(vertx, webClient, secrets, OdooTarget.DEFAULT_CONNECT_TIMEOUT,
        OdooTarget.DEFAULT_LOGIN_TIMEOUT);
  }

  public OdooClients(
      Vertx vertx, WebClient webClient, Function<SecretRef, Secret> secrets,
      Duration connectTimeout, Duration loginTimeout) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.webClient = Objects.requireNonNull(webClient, "webClient");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.loginTimeout = Objects.requireNonNull(loginTimeout, "loginTimeout");
  }

  /**
   * The tenant's shared client, created or replaced as needed.
   *
   * @throws IllegalArgumentException when the tenant's base URL is not an http(s) URL with a host
   */
  public OdooClient forTenant(Tenant tenant) {
    Key key = Key.of(tenant);
    return clients
        .compute(tenant.id(), (id, kept) ->
            kept != null && kept.key().equals(key) ? kept : new Entry(key, create(tenant)))
        .client();
  }

  /** Forgets the tenant's client (removed from the catalog); the next use creates a new one. */
  public void forget(String tenantId) {
    clients.remove(tenantId);
  }

  private OdooClient create(Tenant tenant) {
    SecretRef ref = tenant.credentials().secret();
    OdooTarget target = new OdooTarget(
        tenant.baseUrl(), tenant.database(), tenant.credentials().login(), () -> resolve(ref),
        tenant.api(), connectTimeout, loginTimeout);
    return new OdooRpcClient(vertx, webClient, target);
  }

  private Secret resolve(SecretRef ref) {
    Secret secret;
    try {
      secret = secrets.apply(ref);
    } catch (RuntimeException unavailable) {
      String why = unavailable.getMessage() == null
          ? unavailable.getClass().getSimpleName()
          : unavailable.getMessage();
      throw new IllegalStateException("looked for in " + ref.describe() + ": " + why);
    }
    if (secret == null) {
      throw new IllegalStateException("looked for in " + ref.describe() + ": not found");
    }
    return secret;
  }

  /** What a client depends on; a change means a new client. */
  private record Key(URI baseUrl, String database, String login, OdooApi api, SecretRef secret) {
    static Key of(Tenant tenant) {
      return new Key(tenant.baseUrl(), tenant.database(), tenant.credentials().login(),
          tenant.api(), tenant.credentials().secret());
    }
  }

  private record Entry(Key key, OdooClient client) {}
}
