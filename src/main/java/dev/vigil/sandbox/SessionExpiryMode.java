package dev.vigil.sandbox;

/**
 * How the sandbox answers a session-bound call without a valid session (none sent, expired, or
 * lost in a restart). Real servers differ by setup, not only by version, so a client must handle
 * both.
 */
public enum SessionExpiryMode {
  /**
   * A JSON-RPC error, HTTP 200: {@code code 100}, {@code "Odoo Session Expired"},
   * {@code data.name odoo.http.SessionExpiredException}.
   */
  SESSION_EXPIRED,
  /** HTTP 303 to {@code /web/login?redirect=<path>}, as a server behind a login-enforcing setup answers. */
  REDIRECT_LOGIN
}
