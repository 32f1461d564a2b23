package dev.vigil.bootstrap;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Revocations;
import dev.vigil.api.auth.TokenStore;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The token store of the PostgreSQL history, which may not be connected yet (an external database
 * that was down when Vigil started): until it is, every authentication fails (the API answers 503)
 * and no live connection is taken for revoked. Safe from any thread.
 */
final class CurrentTokens implements Authenticator, Revocations {
  private volatile TokenStore store;

  void connected(TokenStore tokens) {
    this.store = tokens;
  }

  Optional<TokenStore> store() {
    return Optional.ofNullable(store);
  }

  @Override
  public Future<Optional<Principal>> authenticate(String token, String client) {
    TokenStore current = store;
    return current == null ? Future.failedFuture("the token store (PostgreSQL) is not connected yet")
        : current.authenticate(token, client);
  }

  @Override
  public Future<Set<String>> revokedAmong(Collection<String> tokenIds) {
    TokenStore current = store;
    return current == null ? Future.succeededFuture(Set.of()) : current.revokedAmong(tokenIds);
  }
}
