package dev.vigil.gate.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Error answers as RFC 9457 problem details ({@code application/problem+json}). */
final class Problem {
  static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  static void send(RoutingContext ctx, int status, String title, String detail) {
    send(ctx, status, body(status, title, detail));
  }

  /** A 400 listing every problem of the request. */
  static void invalid(RoutingContext ctx, List<String> problems) {
    send(ctx, 400, body(400, "Invalid gate request", String.join("; ", problems))
        .put("problems", new JsonArray(List.copyOf(problems))));
  }

  static JsonObject body(int status, String title, String detail) {
    return new JsonObject().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
  }
}
