package dev.vigil.odoo;

import dev.vigil.domain.ErrorClass;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Optional;

/**
 * Posts JSON-RPC envelopes to Odoo's JSON routes ({@code /web/...}, {@code /jsonrpc}) and turns
 * each answer into its {@code result}, an {@link OdooFault}, or {@link SessionLost} (error code
 * 100 / {@code SessionExpiredException}, or a redirect to {@code /web/login}). Runs on the caller's
 * context.
 */
final class JsonRpcRoute {
  private final OdooHttp http;
  private final JsonRpcEnvelope envelope;

  /** The {@code result} (null when Odoo returned None) and the response it came in (cookies). */
  record Reply(Object result, HttpResponse<Buffer> response) {}

  JsonRpcRoute(OdooHttp http, JsonRpcEnvelope envelope) {
    this.http = http;
    this.envelope = envelope;
  }

  /**
   * @param what the call as named in fault messages, e.g. {@code res.partner.search_read}
   * @param duringLogin this request is the authentication (faults are read as login refusals)
   */
  Future<Reply> post(
      String path, JsonObject params, MultiMap headers, Deadline deadline, String what,
      boolean duringLogin) {
    return http.postJson(path, headers, envelope.request(params), deadline, what)
        .map(response -> new Reply(interpret(response, what, duringLogin), response));
  }

  private static Object interpret(HttpResponse<Buffer> response, String what, boolean duringLogin) {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw redirected(what, status, response.getHeader(HttpHeaders.LOCATION), duringLogin);
    }
    Optional<JsonRpcEnvelope.Answer> answer = JsonRpcEnvelope.read(response.body());
    if (status >= 500) {
      throw answer
          .filter(JsonRpcEnvelope.Error.class::isInstance)
          .map(a -> serverError(what, ((JsonRpcEnvelope.Error) a).error(), status))
          .orElseGet(() -> OdooFaults.httpStatus(what, status, response.body()));
    }
    if (answer.isEmpty()) {
      throw status >= 400
          ? OdooFaults.httpStatus(what, status, response.body())
          : OdooFaults.notAnAnswer(what, status, response.body());
    }
    if (answer.get() instanceof JsonRpcEnvelope.Error error) {
      if (error.sessionExpired() && !duringLogin) {
        throw new SessionLost("Odoo answered: session expired");
      }
      throw OdooFaults.rpcError(what, error.error(), status, duringLogin);
    }
    return ((JsonRpcEnvelope.Result) answer.get()).value();
  }

  /** A redirect: to the login page it means the session is gone; anywhere else it is a fault. */
  static RuntimeException redirected(String what, int status, String location, boolean duringLogin) {
    if (location != null && location.contains("/web/login")) {
      return duringLogin
          ? OdooFaults.loginRefused(what, "HTTP " + status + ", redirected to the login page")
          : new SessionLost("HTTP " + status + " redirect to /web/login");
    }
    return OdooFaults.redirect(what, status, location);
  }

  private static OdooFault serverError(String what, JsonObject error, int status) {
    OdooFault byName = OdooFaults.rpcError(what, error, status, false);
    return new OdooFault(
        ErrorClass.SERVER_ERROR, byName.odooName(), byName.getMessage(), status, null);
  }
}
