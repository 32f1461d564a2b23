package dev.vigil.api.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens in PostgreSQL ({@code api_tokens}): only their SHA-256 hash is stored. Creating and
 * revoking are recorded in the audit log. A token is looked up by its hash (a hash of 256 random
 * bits leaks nothing through the index's timing) and the stored hash compared again in constant
 * time; a revoked token is refused from the next request on, since every authentication asks the
 * database. Clients that keep failing are slowed down ({@link FailureThrottle}): their attempts
 * fail with {@link TooManyFailures} until they have waited.
 *
 * <p>Thread-safe; every call is asynchronous and bounded by the pool's timeouts.
 */
public final class TokenStore implements Authenticator, Revocations {
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final Pool pool;
  private final AuditLog audit;
  private final FailureThrottle throttle;
  private final TokenCodec codec = new TokenCodec();

  public TokenStore(Pool pool, InstantSource clock) {
    this(pool, FailureThrottle.defaults(clock));
  }

  public TokenStore(Pool pool, FailureThrottle throttle) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
    this.throttle = throttle;
  }

  /**
   * Creates a token; its text is in the result and nowhere else.
   *
   * @param tenantId the tenant of a tenant-admin token (which must exist: the caller checks), else empty
   * @param actor who creates it (empty: the command line)
   */
  public Future<IssuedToken> create(Role role, Optional<String> tenantId, String label, Optional<Principal> actor) {
    Principal.check(role, tenantId);
    String token = codec.newToken();
    return pool.withTransaction(sql -> sql
        .preparedQuery("INSERT INTO api_tokens (token_hash, role, tenant_id, label) VALUES ($1, $2, $3, $4) RETURNING id")
        .execute(Tuple.of(Buffer.buffer(TokenCodec.hash(token)), role.label(), tenantId.orElse(null), label))
        .map(rows -> new Principal(String.valueOf(rows.iterator().next().getLong(0)), role, tenantId))
        .compose(principal -> audit.record(sql, actor, "token.create", "token " + principal.tokenId(),
                new JsonObject().put("role", role.label()).put("tenant", tenantId.orElse(null)).put("label", label))
            .map(principal)))
        .map(principal -> new IssuedToken(principal, label, token));
  }

  /** Revokes a token; false when no such token is active. */
  public Future<Boolean> revoke(String tokenId, Optional<Principal> actor) {
    long id;
    try {
      id = Long.parseLong(tokenId);
    } catch (NumberFormatException e) {
      return Future.succeededFuture(false);
    }
    return pool.withTransaction(sql -> sql
        .preparedQuery("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(id))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
            : audit.record(sql, actor, "token.revoke", "token " + tokenId, new JsonObject()).map(true)));
  }

  /** Every token, newest first, without any token's text. */
  public Future<List<TokenInfo>> list() {
    return pool.query("SELECT id, role, tenant_id, label, created_at, last_used_at, revoked_at FROM api_tokens"
        + " ORDER BY id DESC").execute().map(rows -> {
          List<TokenInfo> tokens = new ArrayList<>();
          for (Row row : rows) {
            tokens.add(new TokenInfo(principal(row), row.getString("label"), instant(row, "created_at").orElseThrow(),
                instant(row, "last_used_at"), instant(row, "revoked_at")));
          }
          return tokens;
        });
  }

  /** Of these token ids, those revoked (or gone) by now: for closing live connections opened with them. */
  @Override
  public Future<Set<String>> revokedAmong(Collection<String> tokenIds) {
    if (tokenIds.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    Long[] ids = tokenIds.stream().map(Long::valueOf).toArray(Long[]::new);
    return pool.preparedQuery("SELECT id FROM api_tokens WHERE id = ANY($1) AND revoked_at IS NULL")
        .execute(Tuple.of(ids))
        .map(rows -> {
          Set<String> revoked = new HashSet<>(tokenIds);
          rows.forEach(row -> revoked.remove(String.valueOf(row.getLong(0))));
          return revoked;
        });
  }

  @Override
  public Future<Optional<Principal>> authenticate(String token, String client) {
    Duration wait = waitFor(client);
    if (!wait.isZero()) {
      return Future.failedFuture(new TooManyFailures(wait));
    }
    if (!TokenCodec.looksLikeToken(token)) {
      failed(client);
      return Future.succeededFuture(Optional.empty());
    }
    byte[] hash = TokenCodec.hash(token);
    return pool.preparedQuery("SELECT id, token_hash, role, tenant_id FROM api_tokens"
            + " WHERE token_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(Buffer.buffer(hash)))
        .map(rows -> {
          Optional<Row> row = rows.size() == 1 ? Optional.of(rows.iterator().next()) : Optional.empty();
          Optional<Principal> principal = row
              .filter(r -> TokenCodec.sameHash(hash, r.getBuffer("token_hash").getBytes()))
              .map(TokenStore::principal);
          if (principal.isPresent()) {
            succeeded(client);
            touch(principal.get());
          } else {
            failed(client);
          }
          return principal;
        });
  }

  private void touch(Principal principal) {
    pool.preparedQuery("UPDATE api_tokens SET last_used_at = now() WHERE id = $1"
            + " AND (last_used_at IS NULL OR last_used_at < now() - $2::interval)")
        .execute(Tuple.of(Long.valueOf(principal.tokenId()), LAST_USED_RESOLUTION.toSeconds() + " seconds"));
  }

  private synchronized Duration waitFor(String client) {
    return throttle.waitFor(client);
  }

  private synchronized void failed(String client) {
    throttle.failed(client);
  }

  private synchronized void succeeded(String client) {
    throttle.succeeded(client);
  }

  private static Principal principal(Row row) {
    Role role = Role.fromLabel(row.getString("role"))
        .orElseThrow(() -> new IllegalStateException("api_tokens row " + row.getLong("id") + " has an unknown role"));
    return new Principal(String.valueOf(row.getLong("id")), role, Optional.ofNullable(row.getString("tenant_id")));
  }

  private static Optional<Instant> instant(Row row, String column) {
    OffsetDateTime at = row.getOffsetDateTime(column);
    return Optional.ofNullable(at).map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toInstant());
  }
}
