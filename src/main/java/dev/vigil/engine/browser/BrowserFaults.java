package dev.vigil.engine.browser;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.vigil.domain.ErrorClass;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepFault;
import java.util.Optional;

/**
 * Classifies what a browser step failed with. Vigil's own failures (assertions, step faults) pass
 * unchanged; Playwright's become a {@link StepFault}: a page that does not load in time is
 * TIMEOUT, a refused or unreachable address CONNECTION, a crashed, killed or hung browser
 * BROWSER, anything else (an element that cannot be filled) JOURNEY. Messages start with what the
 * step was doing ("click button[type=submit]") and never hold the masked secret.
 */
final class BrowserFaults {
  private BrowserFaults() {}

  /**
   * @param subject what the step was doing, for the message
   * @param secret a value to mask as {@code ****} in the message (the password being filled)
   */
  static Throwable of(Throwable error, String subject, Optional<String> secret) {
    if (error instanceof AssertionFailure || error instanceof StepFault) {
      return error;
    }
    if (error instanceof BrowserFault fault) {
      return new StepFault(ErrorClass.BROWSER, subject + ": " + fault.getMessage());
    }
    if (!(error instanceof PlaywrightException)) {
      return error;
    }
    String detail = Chromium.firstLine(error.getMessage());
    if (secret.isPresent() && !secret.get().isEmpty()) {
      detail = detail.replace(secret.get(), "****");
    }
    if (error instanceof TimeoutError) {
      return new StepFault(ErrorClass.TIMEOUT, subject + ": no answer in time (" + detail + ")");
    }
    if (detail.contains("net::ERR_")) {
      return new StepFault(ErrorClass.CONNECTION, subject + ": " + detail);
    }
    if (detail.contains("closed") || detail.contains("crash") || detail.contains("disconnected")) {
      return new StepFault(ErrorClass.BROWSER, subject + ": the browser crashed or was closed (" + detail + ")");
    }
    return new StepFault(ErrorClass.JOURNEY, subject + ": " + detail);
  }
}
