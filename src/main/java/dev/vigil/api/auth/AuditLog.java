package dev.vigil.api.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Who did what ({@code audit_log}): the acting token's id (none for the command line), an action
 * ({@code token.create}, {@code gate.run}, ...), its target and details — never a secret.
 */
public final class AuditLog {
  private final SqlClient client;

  public AuditLog(SqlClient client) {
    this.client = client;
  }

  /** Records an action through the log's own client. */
  public Future<Void> record(Optional<Principal> actor, String action, String target, JsonObject detail) {
    return record(client, actor, action, target, detail);
  }

  /** Records an action through {@code sql} (inside the caller's transaction). */
  Future<Void> record(SqlClient sql, Optional<Principal> actor, String action, String target, JsonObject detail) {
    return sql.preparedQuery("INSERT INTO audit_log (actor_token_id, action, target, detail) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(actor.map(p -> Long.valueOf(p.tokenId())).orElse(null), action, target, detail))
        .mapEmpty();
  }
}
