package dev.vigil.domain;

/** Why a step or run errored, so that a tenant's broken login is told from a slow network. */
public enum ErrorClass {
  /** Wrong login, password or API key; unknown database. */
  AUTH,
  /** Logged in, but the user may not do this. */
  ACCESS,
  /** Odoo refused the data or the call (business rule, bad field or value, unknown method). */
  VALIDATION,
  /** The record does not exist (any more). */
  MISSING_RECORD,
  /** Odoo failed internally (HTTP 5xx, database down, unexpected exception). */
  SERVER_ERROR,
  /** No answer in time. */
  TIMEOUT,
  /** No connection: refused, reset, DNS, TLS. */
  CONNECTION,
  /** The journey cannot apply to this tenant (a module it needs is not installed). */
  PRECONDITION,
  /** The journey itself is at fault at run time (an unset variable, a refused origin). */
  JOURNEY,
  /** An assertion did not hold (outcome FAILED, not ERRORED). */
  ASSERTION,
  /** Vigil's own browser crashed, hung or could not start: not the tenant's fault. */
  BROWSER
}
