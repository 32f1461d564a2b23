package dev.vigil.odoo;

import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and as whom an {@link OdooRpcClient} talks to Odoo: one database on one server, through one
 * of Odoo's external APIs.
 *
 * <p>The secret is read through {@code secret} at each authentication (never stored in this
 * record): the password for {@link OdooApi#SESSION} and {@link OdooApi#JSONRPC}, the API key for
 * {@link OdooApi#JSON2}. The supplier runs on the caller's event loop, so it must not block (read
 * files ahead of time); it may throw an unchecked exception when the secret is unavailable, whose
 * message says where the secret was looked for and never holds a value. The client turns that into
 * an {@link OdooFault} of class {@code AUTH}.
 *
 * @param baseUrl scheme, host and port of the Odoo server, e.g. {@code https://erp.example.com}
 * @param connectTimeout limit for opening a TCP/TLS connection (capped by each call's own timeout)
 * @param loginTimeout limit for an authentication that a call starts implicitly; password checks
 *     cost Odoo 250-420 ms, so the default is a generous 10 s
 */
public record OdooTarget(
    URI baseUrl,
    String database,
    String login,
    Supplier<Secret> secret,
    OdooApi api,
    Duration connectTimeout,
    Duration loginTimeout) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(10);

  public OdooTarget {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(loginTimeout, "loginTimeout");
    String scheme = baseUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("baseUrl must be http or https: " + baseUrl);
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl has no host: " + baseUrl);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (loginTimeout.isNegative() || loginTimeout.isZero()) {
      throw new IllegalArgumentException("loginTimeout must be positive");
    }
  }

  /** A target with the default connect (5 s) and login (10 s) timeouts. */
  public static OdooTarget of(
      URI baseUrl, String database, String login, Supplier<Secret> secret, OdooApi api) {
    return new OdooTarget(
        baseUrl, database, login, secret, api, DEFAULT_CONNECT_TIMEOUT, DEFAULT_LOGIN_TIMEOUT);
  }

  /** {@code host:port} of the server, for messages. */
  String hostPort() {
    int port = baseUrl.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
    }
    return baseUrl.getHost() + ":" + port;
  }

  @Override
  public String toString() {
    return "OdooTarget[" + api + " " + login + "@" + database + " " + baseUrl + "]";
  }
}
