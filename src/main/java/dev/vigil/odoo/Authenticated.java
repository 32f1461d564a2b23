package dev.vigil.odoo;

import dev.vigil.domain.Secret;

/**
 * A live login: the session reported to the engine and the secret it was made with (the stateless
 * APIs send it with every call). Compared by identity to tell one login from the next.
 */
final class Authenticated {
  private final OdooSession session;
  private final Secret secret;

  Authenticated(OdooSession session, Secret secret) {
    this.session = session;
    this.secret = secret;
  }

  OdooSession session() {
    return session;
  }

  Secret secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "Authenticated[" + session + "]";
  }
}
