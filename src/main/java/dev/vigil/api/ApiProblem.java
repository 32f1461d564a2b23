package dev.vigil.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error answers of the API as RFC 9457 problem details ({@code application/problem+json}:
 * {@code type}, {@code title}, {@code status}, {@code detail}). A detail never holds a secret, and
 * never tells a caller whether a tenant or run it may not see exists (see {@link ApiException#notFound}).
 */
public final class ApiProblem {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblem.class);

  private ApiProblem() {}

  public static JsonObject body(int status, String title, String detail) {
    return new JsonObject().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
  }

  public static void send(RoutingContext ctx, int status, String title, String detail) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body(status, title, detail).encode());
  }

  /**
   * Makes the router answer its own 404, 405 and failures under {@code /api/} as problems (other
   * paths keep the plain status). A failure is logged with its path, never with its query (which
   * could hold anything a client put there).
   */
  static void answerErrorsOf(Router router) {
    router.errorHandler(404, ctx -> answer(ctx, 404, "Not found", "no such resource"));
    router.errorHandler(405, ctx -> answer(ctx, 405, "Method not allowed", "this resource does not take "
        + ctx.request().method().name()));
    router.errorHandler(500, ctx -> {
      LOG.error("{} {} failed", ctx.request().method().name(), ctx.request().path(), ctx.failure());
      answer(ctx, 500, "Internal error", "the request failed; see Vigil's log");
    });
  }

  private static void answer(RoutingContext ctx, int status, String title, String detail) {
    String path = ctx.request().path();
    if (path != null && path.startsWith("/api/")) {
      send(ctx, status, title, detail);
    } else if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).end();
    }
  }
}
