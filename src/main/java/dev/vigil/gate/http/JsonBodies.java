package dev.vigil.gate.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Request bodies as JSON objects, and the answers both gate endpoints give when a gate did not start. */
final class JsonBodies {
  private JsonBodies() {}

  /** The body as a JSON object, or null when it is missing or not one. */
  static JsonObject object(RoutingContext ctx) {
    try {
      return ctx.body().length() > 0 ? ctx.body().asJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** 429 when too many gates run, else 500 (the engine broke its contract). */
  static void failed(RoutingContext ctx, Throwable failure) {
    if (failure instanceof GateLauncher.Busy) {
      ctx.response().putHeader("Retry-After", "30");
      Problem.send(ctx, 429, "Too many gates", failure.getMessage());
    } else {
      Problem.send(ctx, 500, "Gate failed", String.valueOf(failure.getMessage()));
    }
  }
}
