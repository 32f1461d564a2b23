package dev.vigil.analysis.alert;

import java.util.Locale;

/** How loudly an alert calls for people, lowest first. */
public enum Severity {
  /** For the record; nobody is called. */
  INFO,
  /** Someone should act within working hours (a ticket). */
  ACTIONABLE,
  /** Someone must act now (a page). */
  URGENT,
  /** Many tenants are hit: the platform's leadership is told as well as paged. */
  EXECUTIVE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
