package dev.vigil.odoo;

import dev.vigil.domain.Secret;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * One of Odoo's external APIs, spoken over HTTP: how to log in, call a model method and ask the
 * version. Stateless apart from what the API itself needs (the session cookie); session reuse,
 * coalescing and retries belong to {@link OdooRpcClient}. Methods run on the caller's context and
 * fail with {@link OdooFault}, or {@link SessionLost} when a call finds its session gone.
 */
interface OdooProtocol {

  /** How the authentication is named in fault messages, e.g. {@code common.login}. */
  String loginName();

  /** Logs in; a refused login fails with an AUTH fault. */
  Future<Login> authenticate(Secret secret, Deadline deadline);

  /** Calls {@code model.method(*args, **kwargs)} as the given login. */
  Future<Object> call(
      Authenticated login, String model, String method, List<Object> args,
      Map<String, Object> kwargs, Deadline deadline);

  /** Asks the server's version without logging in. */
  Future<ServerVersion> detectVersion(Deadline deadline);

  /** Forgets any per-session state of the API (the session cookie). */
  default void forget() {}
}
