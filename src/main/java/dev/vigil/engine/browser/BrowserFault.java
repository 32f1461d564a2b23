package dev.vigil.engine.browser;

/**
 * Vigil's own browser failed: it crashed, hung, could not start, or the host is closed. Mapped to
 * a step ERRORED with class BROWSER by {@link BrowserFaults}.
 */
final class BrowserFault extends RuntimeException {
  BrowserFault(String message) {
    super(message, null, false, false);
  }
}
