package dev.vigil.odoo;

import static java.util.Map.entry;

import dev.vigil.domain.ErrorClass;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong into {@link OdooFault}s: Odoo exceptions by their {@code error.data.name},
 * HTTP statuses, bodies that are not Odoo answers, and transport failures. Messages are the
 * server's own (first 500 characters), prefixed with what was called ({@code model.method: }).
 * Pure functions, any thread.
 *
 * <p>Mapping, by exception name:
 *
 * <ul>
 *   <li>AUTH: {@code odoo.exceptions.AccessDenied}, {@code werkzeug.exceptions.Unauthorized},
 *       {@code odoo.http.SessionExpiredException} (when it persists after a fresh login)
 *   <li>ACCESS: {@code odoo.exceptions.AccessError}, {@code werkzeug.exceptions.Forbidden}
 *   <li>VALIDATION: {@code odoo.exceptions.UserError}, {@code ValidationError}, {@code
 *       RedirectWarning}, {@code builtins.ValueError}, {@code TypeError}, {@code AttributeError},
 *       {@code KeyError}, {@code werkzeug.exceptions.NotFound}, {@code BadRequest}, {@code
 *       json.decoder.JSONDecodeError}
 *   <li>MISSING_RECORD: {@code odoo.exceptions.MissingError}
 *   <li>SERVER_ERROR: {@code psycopg2.*} and every other name
 * </ul>
 *
 * <p>During authentication an {@code AccessError} ("Database not found."), a {@code Forbidden} and
 * a {@code psycopg2.OperationalError} saying the database does not exist (what {@code
 * common.login} answers for an unknown database) are AUTH: the tenant's login cannot work.
 *
 * <p>By HTTP status, when the body is not an Odoo error: 5xx SERVER_ERROR; 401/403 AUTH; 404
 * VALIDATION (the route does not exist on this server, e.g. {@code /web/dataset/search_read} on
 * Odoo 17+); 408 TIMEOUT; 429 SERVER_ERROR (the server sheds load); any other 4xx VALIDATION (e.g.
 * Odoo 16's 400 "Invalid JSON data"); a 3xx other than to the login page SERVER_ERROR; a 2xx body
 * that is not an Odoo answer SERVER_ERROR with a short excerpt.
 */
final class OdooFaults {
  static final int MAX_MESSAGE = 500;
  private static final int MAX_EXCERPT = 200;

  static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";
  static final String SESSION_EXPIRED = "odoo.http.SessionExpiredException";

  private static final Map<String, ErrorClass> BY_NAME =
      Map.ofEntries(
          entry(ACCESS_DENIED, ErrorClass.AUTH),
          entry("werkzeug.exceptions.Unauthorized", ErrorClass.AUTH),
          entry(SESSION_EXPIRED, ErrorClass.AUTH),
          entry("odoo.exceptions.AccessError", ErrorClass.ACCESS),
          entry("werkzeug.exceptions.Forbidden", ErrorClass.ACCESS),
          entry("odoo.exceptions.UserError", ErrorClass.VALIDATION),
          entry("odoo.exceptions.ValidationError", ErrorClass.VALIDATION),
          entry("odoo.exceptions.RedirectWarning", ErrorClass.VALIDATION),
          entry("builtins.ValueError", ErrorClass.VALIDATION),
          entry("builtins.TypeError", ErrorClass.VALIDATION),
          entry("builtins.AttributeError", ErrorClass.VALIDATION),
          entry("builtins.KeyError", ErrorClass.VALIDATION),
          entry("werkzeug.exceptions.NotFound", ErrorClass.VALIDATION),
          entry("werkzeug.exceptions.BadRequest", ErrorClass.VALIDATION),
          entry("json.decoder.JSONDecodeError", ErrorClass.VALIDATION),
          entry("odoo.exceptions.MissingError", ErrorClass.MISSING_RECORD));

  private static final Pattern UNKNOWN_DATABASE = Pattern.compile("database \".*\" does not exist");
  private static final Pattern SCRIPTS =
      Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
  private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private OdooFaults() {}

  /** The class of an Odoo exception name; unknown names (psycopg2.* included) are SERVER_ERROR. */
  static ErrorClass classify(String name) {
    return BY_NAME.getOrDefault(name, ErrorClass.SERVER_ERROR);
  }

  /** Whether the name is one of the Odoo exceptions this table knows. */
  static boolean known(String name) {
    return BY_NAME.containsKey(name);
  }

  /**
   * A fault for an Odoo exception.
   *
   * @param duringLogin the call was the authentication itself (see the class comment)
   */
  static OdooFault named(
      String what, String name, String message, int status, boolean duringLogin) {
    ErrorClass errorClass = classify(name);
    if (duringLogin && isLoginRefusal(name, message)) {
      errorClass = ErrorClass.AUTH;
    }
    return new OdooFault(errorClass, name, what + ": " + truncate(message), status, null);
  }

  /** A fault for a JSON-RPC {@code error} object: {@code {code, message, data: {name, message}}}. */
  static OdooFault rpcError(String what, JsonObject error, int status, boolean duringLogin) {
    JsonObject data = error.getValue("data") instanceof JsonObject d ? d : new JsonObject();
    String name =
        data.getValue("name") instanceof String n ? n : "jsonrpc error " + error.getValue("code");
    String message =
        data.getValue("message") instanceof String m ? m
            : error.getValue("message") instanceof String m2 ? m2
            : "no message";
    return named(what, name, message, status, duringLogin);
  }

  /** A fault for an HTTP status whose body is not an Odoo error (HTML, text, or nothing). */
  static OdooFault httpStatus(String what, int status, Buffer body) {
    ErrorClass errorClass;
    String meaning;
    if (status >= 500) {
      errorClass = ErrorClass.SERVER_ERROR;
      meaning = "server error";
    } else if (status == 401 || status == 403) {
      errorClass = ErrorClass.AUTH;
      meaning = "refused";
    } else if (status == 404) {
      errorClass = ErrorClass.VALIDATION;
      meaning = "the route does not exist on this server";
    } else if (status == 408) {
      errorClass = ErrorClass.TIMEOUT;
      meaning = "the server gave up waiting";
    } else if (status == 429) {
      errorClass = ErrorClass.SERVER_ERROR;
      meaning = "too many requests";
    } else if (status >= 400) {
      errorClass = ErrorClass.VALIDATION;
      meaning = "bad request";
    } else {
      errorClass = ErrorClass.SERVER_ERROR;
      meaning = "unexpected status";
    }
    String excerpt = excerpt(body);
    String message = what + ": HTTP " + status + ", " + meaning + (excerpt.isEmpty() ? "" : ": " + excerpt);
    return new OdooFault(errorClass, "http " + status, message, status, null);
  }

  /** A redirect that is not to the login page (which means a lost session). */
  static OdooFault redirect(String what, int status, String location) {
    return new OdooFault(
        ErrorClass.SERVER_ERROR,
        "http " + status,
        what + ": HTTP " + status + ", unexpected redirect to " + pathOnly(location),
        status,
        null);
  }

  /** A 2xx body that is not what the route answers (not JSON, not JSON-RPC). */
  static OdooFault notAnAnswer(String what, int status, Buffer body) {
    String excerpt = excerpt(body);
    return new OdooFault(
        ErrorClass.SERVER_ERROR,
        "not an odoo answer",
        what + ": HTTP " + status + " with a body that is not an Odoo answer"
            + (excerpt.isEmpty() ? " (empty)" : ": " + excerpt),
        status,
        null);
  }

  /** An answer of the right shape but without what it should carry (e.g. no uid). */
  static OdooFault unexpectedAnswer(String what, String problem) {
    return new OdooFault(ErrorClass.SERVER_ERROR, "unexpected answer", what + ": " + problem, 200, null);
  }

  /** The login was refused (wrong login, password or key) without an Odoo exception. */
  static OdooFault loginRefused(String what, String problem) {
    return new OdooFault(ErrorClass.AUTH, ACCESS_DENIED, what + ": " + problem, 200, null);
  }

  /** The session was lost again right after a fresh login. */
  static OdooFault lostTwice(String what, SessionLost lost) {
    return new OdooFault(
        ErrorClass.AUTH,
        SESSION_EXPIRED,
        what + ": the session was lost again right after a fresh login (" + lost.getMessage() + ")",
        0,
        null);
  }

  /** The secret could not be read; the message says where it was looked for, never a value. */
  static OdooFault secretUnavailable(String what, RuntimeException cause) {
    String where = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new OdooFault(
        ErrorClass.AUTH, "secret unavailable", what + ": the secret is unavailable: " + where, 0, null);
  }

  /** No answer within the time the caller gave. */
  static OdooFault timeout(String what, long millis, Throwable cause) {
    return new OdooFault(
        ErrorClass.TIMEOUT, "timeout", what + ": no answer within " + millis + " ms", 0, cause);
  }

  /** A call refused before it was sent (e.g. arguments json/2 cannot name). */
  static OdooFault badCall(String what, String problem) {
    return new OdooFault(ErrorClass.VALIDATION, "bad call", what + ": " + problem, 0, null);
  }

  /**
   * A failure below HTTP: timeouts are TIMEOUT (except waiting for a connection, which is
   * CONNECTION), everything else (refused, reset, DNS, TLS, closed) is CONNECTION.
   */
  static OdooFault transport(String what, Throwable err, long timeoutMillis, String hostPort) {
    return transport(what, err, timeoutMillis, timeoutMillis, hostPort);
  }

  /**
   * As {@link #transport(String, Throwable, long, String)}, where waiting for a connection was
   * limited to {@code connectTimeoutMillis} (what a connect timeout's message names).
   */
  static OdooFault transport(
      String what, Throwable err, long timeoutMillis, long connectTimeoutMillis, String hostPort) {
    if (err instanceof OdooFault fault) {
      return fault;
    }
    if (err instanceof TimeoutException) {
      String text = String.valueOf(err.getMessage()).toLowerCase();
      if (text.contains("connection")) {
        return connection(what, "connect timeout", "no connection to " + hostPort + " within "
            + connectTimeoutMillis + " ms", err);
      }
      return timeout(what, timeoutMillis, err);
    }
    Throwable root = rootCause(err);
    if (root instanceof UnknownHostException) {
      return connection(what, "unknown host", "unknown host " + hostPort, err);
    }
    if (root instanceof SSLException) {
      return connection(what, "tls", "TLS failure with " + hostPort + ": " + root.getMessage(), err);
    }
    if (root instanceof ConnectTimeoutException) {
      return connection(what, "connect timeout", "no connection to " + hostPort + " within "
          + connectTimeoutMillis + " ms", err);
    }
    if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
      return connection(what, "connection refused", "connection refused by " + hostPort, err);
    }
    if (root instanceof ClosedChannelException) {
      return connection(what, "connection closed", "connection to " + hostPort + " closed", err);
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return connection(what, "connection failed", "connection to " + hostPort + " failed: " + detail, err);
  }

  private static OdooFault connection(String what, String name, String problem, Throwable cause) {
    return new OdooFault(ErrorClass.CONNECTION, name, what + ": " + problem, 0, cause);
  }

  private static boolean isLoginRefusal(String name, String message) {
    return "odoo.exceptions.AccessError".equals(name)
        || "werkzeug.exceptions.Forbidden".equals(name)
        || (name.startsWith("psycopg2.") && UNKNOWN_DATABASE.matcher(message).find());
  }

  private static Throwable rootCause(Throwable err) {
    Throwable t = err;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static String truncate(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  /** A short readable piece of a body: scripts and tags removed, whitespace collapsed. */
  static String excerpt(Buffer body) {
    if (body == null || body.length() == 0) {
      return "";
    }
    String text = body.length() > 64 * 1024 ? body.getString(0, 64 * 1024) : body.toString();
    text = SCRIPTS.matcher(text).replaceAll(" ");
    text = TAGS.matcher(text).replaceAll(" ");
    text = SPACE.matcher(text).replaceAll(" ").trim();
    return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "…";
  }

  private static String pathOnly(String location) {
    if (location == null) {
      return "(no location)";
    }
    int query = location.indexOf('?');
    return query < 0 ? location : location.substring(0, query);
  }
}
