package dev.vigil.odoo;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A connection to one tenant's Odoo database. Non-blocking: every method returns at once and
 * completes on the caller's Vert.x context. Safe to share between concurrent runs of a tenant:
 * they reuse one session, and concurrent logins are coalesced into one authentication.
 *
 * <p>Failures are {@link OdooFault}s (with an {@link dev.vigil.domain.ErrorClass}); messages never
 * contain the password or API key.
 */
public interface OdooClient {

  /**
   * Ensures a session and returns it: the live one if there is one (no network call), else a new
   * authentication. With {@code fresh}, always authenticates anew.
   */
  Future<OdooSession> login(boolean fresh, Duration timeout);

  /** The server's major version; detected once (from the login or {@code version_info}), then cached. */
  Future<Integer> version(Duration timeout);

  /**
   * Calls {@code model.method(*args, **kwargs)}. Logs in first when there is no session; when the
   * server says the session is gone, logs in again once and retries the call once.
   *
   * @param args positional arguments: plain maps, lists, strings, numbers, booleans, null
   * @return the {@code result} as Vert.x JSON values (JsonObject, JsonArray, String, Number,
   *     Boolean) or null when Odoo returned {@code None} (a response without {@code result})
   */
  Future<Object> call(
      String model, String method, List<Object> args, Map<String, Object> kwargs, Duration timeout);

  /** The session, if one is live now (for {@code ${odoo.uid}} and reports). */
  java.util.Optional<OdooSession> session();

  /** Forgets the session (next call logs in again). */
  void dropSession();
}
