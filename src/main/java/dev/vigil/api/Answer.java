package dev.vigil.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a resource's answer: 200 with its JSON, or the problem it failed with. An
 * {@link ApiException} is answered as itself, an {@link IllegalArgumentException} from a store (an
 * invalid page cursor) as 400, anything else — a store that failed or did not answer in time — as
 * 503, logged without the request's query.
 */
final class Answer {
  private static final Logger LOG = LoggerFactory.getLogger(Answer.class);

  private Answer() {}

  /** Answers what {@code resource} computes for the request; it may throw or fail with the exceptions above. */
  static void with(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> resource) {
    Future<JsonObject> answer;
    try {
      answer = resource.apply(ctx);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onSuccess(json -> ok(ctx, json)).onFailure(failure -> failed(ctx, failure));
  }

  static void ok(RoutingContext ctx, JsonObject json) {
    if (!ctx.response().ended()) {
      ctx.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end(json.encode());
    }
  }

  private static void failed(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ApiException problem) {
      ApiProblem.send(ctx, problem.status(), problem.title(), problem.getMessage());
    } else if (failure instanceof IllegalArgumentException invalid) {
      ApiProblem.send(ctx, 400, "Bad request", invalid.getMessage());
    } else {
      LOG.warn("{} {} could not be answered: {}", ctx.request().method().name(), ctx.request().path(), failure.toString());
      ApiProblem.send(ctx, 503, "Service unavailable", "a store did not answer in time; try again shortly");
    }
  }
}
