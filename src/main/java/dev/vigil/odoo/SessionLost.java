package dev.vigil.odoo;

/**
 * The server no longer knows the session a call was made with (expired, server restarted, API key
 * refused). Never leaves the package: the client logs in again once and retries, and turns a
 * second loss into an {@code AUTH} {@link OdooFault}.
 */
final class SessionLost extends RuntimeException {

  /** @param how what the server answered, e.g. {@code redirect to /web/login} */
  SessionLost(String how) {
    super(how, null, false, false);
  }
}
