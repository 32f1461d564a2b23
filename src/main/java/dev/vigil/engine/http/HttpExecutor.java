package dev.vigil.engine.http;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.StepAction;
import dev.vigil.engine.AssertionFailure;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import dev.vigil.engine.StepFault;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.Map;

/**
 * {@code http}: one request to the tenant's Odoo or an allowed origin; redirects are followed
 * by hand, at most {@value #MAX_REDIRECTS}, and only within allowed origins. The result is
 * {@code {status, headers, body}} with the body parsed when it is JSON. A 5xx status (when not the
 * expected one) is a SERVER_ERROR; any other unexpected status fails the step's check.
 */
public final class HttpExecutor implements StepExecutor<StepAction.Http> {
  static final int MAX_REDIRECTS = 5;
  private static final int MAX_BODY_CHARS = 64 * 1024;

  private final WebClient client;

  /** @param client a client that does not follow redirects itself */
  public HttpExecutor(WebClient client) {
    this.client = client;
  }

  @Override
  public Class<StepAction.Http> actionType() {
    return StepAction.Http.class;
  }

  @Override
  public Future<Object> execute(StepAction.Http action, StepContext context) {
    OriginGuard guard = new OriginGuard(context.tenant());
    URI target = guard.resolve(context.renderText(action.url()));
    Object body = context.render(action.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> headers = (Map<String, Object>) context.render(action.headers());
    return send(HttpMethod.valueOf(action.method()), target, headers, body, guard, context, 0)
        .map(response -> check(action, response));
  }

  private Future<HttpResponse<Buffer>> send(
      HttpMethod method, URI target, Map<String, Object> headers, Object body, OriginGuard guard,
      StepContext context, int redirects) {
    var request = client.requestAbs(method, target.toString()).timeout(context.remaining().toMillis());
    headers.forEach((name, value) -> request.putHeader(name, String.valueOf(value)));
    Future<HttpResponse<Buffer>> sent = body == null
        ? request.send()
        : body instanceof String text ? request.sendBuffer(Buffer.buffer(text)) : request.sendJson(body);
    return sent.compose(response -> {
      String location = response.getHeader("Location");
      if (response.statusCode() / 100 != 3 || location == null) {
        return Future.succeededFuture(response);
      }
      if (redirects == MAX_REDIRECTS) {
        return Future.failedFuture(new StepFault(ErrorClass.JOURNEY, "more than " + MAX_REDIRECTS + " redirects from " + target));
      }
      URI next = guard.resolve(target.resolve(location).toString());
      HttpMethod nextMethod = response.statusCode() == 307 || response.statusCode() == 308 ? method : HttpMethod.GET;
      return send(nextMethod, next, headers, nextMethod == method ? body : null, guard, context, redirects + 1);
    }, error -> Future.failedFuture(HttpFaults.of(error, target)));
  }

  private static Object check(StepAction.Http action, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    boolean expected = action.expectStatus() == 0 ? status < 400 : status == action.expectStatus();
    if (!expected) {
      String wanted = action.expectStatus() == 0 ? "a status below 400" : "status " + action.expectStatus();
      String message = "expected " + wanted + ", got " + status;
      throw status >= 500 ? new StepFault(ErrorClass.SERVER_ERROR, message) : new AssertionFailure(message);
    }
    JsonObject headers = new JsonObject();
    response.headers().names().forEach(name -> headers.put(name.toLowerCase(), response.getHeader(name)));
    return new JsonObject().put("status", status).put("headers", headers).put("body", body(response));
  }

  private static Object body(HttpResponse<Buffer> response) {
    Buffer buffer = response.body();
    if (buffer == null) {
      return null;
    }
    String text = buffer.toString();
    try {
      return Json.decodeValue(text);
    } catch (RuntimeException notJson) {
      return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS);
    }
  }
}
