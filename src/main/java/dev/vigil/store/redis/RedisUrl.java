package dev.vigil.store.redis;

import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A Redis server's address as given in {@code VIGIL_REDIS_URL}:
 * {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://} for TLS. Port 6379 and
 * database 0 when left out. {@link #toString()} is the form fit for logs: the password is shown as
 * {@code ****}, never in full, and no parse error repeats it. A user name or password with
 * reserved characters is percent-encoded in the URL.
 */
public final class RedisUrl {
  private final boolean tls;
  private final String host;
  private final int port;
  private final int database;
  private final String user;
  private final String password;

  private RedisUrl(boolean tls, String host, int port, int database, String user, String password) {
    this.tls = tls;
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** @throws IllegalArgumentException naming what is wrong, without the password */
  public static RedisUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL (" + e.getReason() + "); expected redis://[:password@]host:port[/db]");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("scheme must be redis:// or rediss://, not '" + scheme + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host; expected redis://[:password@]host:port[/db]");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("no query or fragment allowed; expected redis://[:password@]host:port[/db]");
    }
    int port = uri.getPort() == -1 ? 6379 : uri.getPort();
    String user = null;
    String password = null;
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        // redis://secret@host is how some tools write a password alone: taken as one.
        password = userInfo;
      } else {
        user = userInfo.substring(0, colon);
        password = userInfo.substring(colon + 1);
      }
    }
    return new RedisUrl(scheme.equals("rediss"), uri.getHost(), port, database(uri.getPath()),
        blankToNull(user), blankToNull(password));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static int database(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int db = Integer.parseInt(path.substring(1));
      if (db < 0) {
        throw new NumberFormatException();
      }
      return db;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the path must be a database number (/0, /1, ...), not '" + path + "'");
    }
  }

  /** The client's options for this server: address, database, TLS and credentials. */
  public RedisOptions toOptions() {
    RedisOptions options = new RedisOptions()
        .setConnectionString((tls ? "rediss" : "redis") + "://" + hostPart() + ":" + port + "/" + database);
    if (user != null) {
      options.setUser(user);
    }
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }

  public boolean tls() {
    return tls;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public int database() {
    return database;
  }

  public boolean hasPassword() {
    return password != null;
  }

  /** The URL with the password masked, e.g. {@code redis://:****@cache:6379/2}. */
  @Override
  public String toString() {
    String name = user == null ? "" : user;
    String credentials = password != null ? name + ":****@" : user != null ? name + "@" : "";
    return (tls ? "rediss" : "redis") + "://" + credentials + hostPart() + ":" + port + "/" + database;
  }

  private String hostPart() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
