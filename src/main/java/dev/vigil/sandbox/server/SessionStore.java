package dev.vigil.sandbox.server;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.models.User;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's sessions, in memory: anonymous sessions are handed out by public routes, a login
 * rotates the session id, logout and {@link #expireAll()} (a server restart) drop sessions. Ids
 * follow the version's format; the cookie is {@code session_id=<id>; Expires=...;
 * Max-Age=604800; HttpOnly; Path=/}. On the sandbox's context only.
 */
public final class SessionStore {
  private static final long MAX_AGE_SECONDS = 604800;
  private static final DateTimeFormatter EXPIRES =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Dialect dialect;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new HashMap<>();

  public SessionStore(Dialect dialect, InstantSource clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** The live session with this id, if any. */
  public Optional<Session> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
  }

  /** A new anonymous session. */
  public Session open() {
    return store(new Session(dialect.newSessionId(random), null, null));
  }

  /** Logs a user in: the previous session (if any) is dropped and a new id issued. */
  public Session login(String previousId, String db, User user) {
    if (previousId != null) {
      sessions.remove(previousId);
    }
    return store(new Session(dialect.newSessionId(random), db, user));
  }

  /** Logs out: drops the session and issues a new anonymous one. */
  public Session logout(String id) {
    sessions.remove(id);
    return open();
  }

  /** Drops every session, as a server restart without a shared session store does. */
  public void expireAll() {
    sessions.clear();
  }

  /** The {@code Set-Cookie} value for a session. */
  public String cookie(Session session) {
    String expires = EXPIRES.format(clock.instant().plus(dialect.sessionCookieExpiry()));
    return "session_id=" + session.id() + "; Expires=" + expires + "; Max-Age=" + MAX_AGE_SECONDS
        + "; HttpOnly; Path=/";
  }

  private Session store(Session session) {
    sessions.put(session.id(), session);
    return session;
  }
}
