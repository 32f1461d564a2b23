package dev.vigil.api.auth;

import io.vertx.core.Future;
import java.util.Optional;

/** Turns a presented bearer token into the principal it belongs to. */
public interface Authenticator {

  /**
   * @param token the bearer token as presented
   * @param client the client's address, for slowing down repeated failures
   * @return the principal, or empty for an unknown or revoked token
   */
  Future<Optional<Principal>> authenticate(String token, String client);
}
