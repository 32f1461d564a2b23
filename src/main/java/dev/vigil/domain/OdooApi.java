package dev.vigil.domain;

/** Which of Odoo's external APIs a tenant is reached through. */
public enum OdooApi {
  /** {@code /web/session/authenticate} then {@code /web/dataset/call_kw}: what the web client does. */
  SESSION,
  /** Stateless {@code /jsonrpc} with {@code common.login} and {@code object.execute_kw}. */
  JSONRPC,
  /** Odoo 19's {@code /json/2/<model>/<method>} with a bearer API key. */
  JSON2
}
