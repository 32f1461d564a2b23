package dev.vigil.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.sandbox.dialect.Dialect;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  private final SessionStore sessions =
      new SessionStore(Dialect.of(18), InstantSource.fixed(Instant.parse("2026-11-20T21:59:09Z")));

  @Test
  @DisplayName("Anonymous sessions are handed out but not kept; logged-in ones are")
  void anonymousSessionsAreNotKept() {
    Session anonymous = sessions.open();
    Session loggedIn = sessions.login(anonymous.id(), "clinic", Accounts.ADMIN);
    assertTrue(sessions.find(anonymous.id()).isEmpty());
    assertEquals(loggedIn, sessions.find(loggedIn.id()).orElseThrow());
  }

  @Test
  @DisplayName("Beyond its capacity the store drops the least recently used session, not the one in use")
  void leastRecentlyUsedGoesFirst() {
    Session first = sessions.login(null, "clinic", Accounts.ADMIN);
    Session second = sessions.login(null, "clinic", Accounts.DEMO);
    for (int i = 2; i < SessionStore.CAPACITY; i++) {
      sessions.login(null, "clinic", Accounts.DEMO);
      if (i % 1000 == 0) {
        sessions.find(first.id());
      }
    }
    sessions.find(first.id());
    sessions.login(null, "clinic", Accounts.DEMO);
    assertTrue(sessions.find(first.id()).isPresent(), "the session in use stays");
    assertTrue(sessions.find(second.id()).isEmpty(), "the idle one is gone");
  }

  @Test
  @DisplayName("The cookie carries the recorded attributes: one-year Expires on 17+, Max-Age of a week")
  void cookie() {
    Session session = sessions.login(null, "clinic", Accounts.ADMIN);
    assertEquals("session_id=" + session.id() + "; Expires=Sat, 20 Nov 2027 21:59:09 GMT; Max-Age=604800; HttpOnly; Path=/",
        sessions.cookie(session));
  }
}
