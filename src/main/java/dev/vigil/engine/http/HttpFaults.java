package dev.vigil.engine.http;

import dev.vigil.domain.ErrorClass;
import dev.vigil.engine.StepFault;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/** Classifies a transport failure of an HTTP step as TIMEOUT or CONNECTION, naming the origin. */
final class HttpFaults {
  private HttpFaults() {}

  static Throwable of(Throwable error, URI target) {
    if (error instanceof StepFault) {
      return error;
    }
    String where = OriginGuard.origin(target);
    if (error instanceof TimeoutException || String.valueOf(error.getMessage()).contains("timeout")) {
      return new StepFault(ErrorClass.TIMEOUT, "no answer from " + where + " in time");
    }
    return new StepFault(ErrorClass.CONNECTION, "cannot reach " + where + ": " + error.getMessage());
  }
}
