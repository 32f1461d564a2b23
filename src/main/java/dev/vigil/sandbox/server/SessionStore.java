package dev.vigil.sandbox.server;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.models.User;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's sessions, in memory: public routes hand out anonymous session ids (kept nowhere:
 * like Odoo, an empty session is not stored), a login rotates the session id, logout and
 * {@link #expireAll()} (a server restart) drop sessions, and beyond {@value #CAPACITY} logged-in
 * sessions the least recently used one is dropped (Odoo's session garbage collection). Ids
 * follow the version's format; the cookie is {@code session_id=<id>; Expires=...;
 * Max-Age=604800; HttpOnly; Path=/}. On the sandbox's context only.
 */
public final class SessionStore {
  static final int CAPACITY = 10_000;
  private static final long MAX_AGE_SECONDS = 604800;
  private static final DateTimeFormatter EXPIRES =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Dialect dialect;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
      return size() > CAPACITY;
    }
  };

  public SessionStore(Dialect dialect, InstantSource clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** The logged-in session with this id, if it is still live. */
  public Optional<Session> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
  }

  /** A new anonymous session (not stored). */
  public Session open() {
    return new Session(dialect.newSessionId(random), null, null);
  }

  /** Logs a user in: the previous session (if any) is dropped and a new id issued. */
  public Session login(String previousId, String db, User user) {
    if (previousId != null) {
      sessions.remove(previousId);
    }
    Session session = new Session(dialect.newSessionId(random), db, user);
    sessions.put(session.id(), session);
    return session;
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
}
