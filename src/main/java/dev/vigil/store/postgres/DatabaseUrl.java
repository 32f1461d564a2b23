package dev.vigil.store.postgres;

import io.vertx.pgclient.PgConnectOptions;
import java.util.regex.Pattern;

/**
 * An external PostgreSQL given as {@code VIGIL_DATABASE_URL}:
 * {@code postgresql://user:password@host:port/db?sslmode=require&...} (any parameter Vert.x's
 * {@link PgConnectOptions#fromUri(String)} knows). {@link #toString()} is the URL with the
 * password masked, for logs and errors; the password itself is only ever in the connect options.
 */
public final class DatabaseUrl {
  /** User, then everything up to the last '@' before any query: masks too much rather than too little. */
  private static final Pattern PASSWORD = Pattern.compile("(://[^:/@?#]*:)[^?#]*@");
  private final String url;
  private final PgConnectOptions options;

  private DatabaseUrl(String url, PgConnectOptions options) {
    this.url = url;
    this.options = options;
  }

  /** Parses the URL; an invalid one is refused with a message that holds no password. */
  public static DatabaseUrl parse(String url) {
    String masked = mask(url);
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new IllegalArgumentException("database URL " + masked + " does not start with postgresql://");
    }
    try {
      return new DatabaseUrl(url, PgConnectOptions.fromUri(url));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid database URL " + masked + " (expected "
          + "postgresql://user:password@host:port/database)");
    }
  }

  /** A fresh copy of the connect options (callers may add timeouts and settings). */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(options);
  }

  @Override
  public String toString() {
    return mask(url);
  }

  static String mask(String url) {
    return PASSWORD.matcher(url).replaceFirst("$1****@").replaceAll("(?i)([?&]password=)[^&]*", "$1****");
  }
}
