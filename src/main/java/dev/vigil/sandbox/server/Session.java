package dev.vigil.sandbox.server;

import dev.vigil.sandbox.models.User;

/** A web session: its id (the {@code session_id} cookie) and, once logged in, database and user. */
public record Session(String id, String db, User user) {

  public boolean loggedIn() {
    return user != null;
  }
}
