package dev.vigil.gate.http;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TooManyFailures;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lets through requests with a bearer token of role {@code gate}: 401 (with
 * {@code WWW-Authenticate: Bearer}) without a token or for an unknown one, 403 for another role,
 * 429 (with {@code Retry-After}) for a client slowed down after repeated failures, 503 when the
 * token store does not answer in time. The token is read from the
 * {@code Authorization} header or, for Flagger, whose webhooks cannot send headers, from the
 * payload's {@code metadata.token}. The principal is put in the context as {@value #PRINCIPAL}.
 * Never logs or echoes a token. Runs on the event loop; the lookup is asynchronous.
 */
final class GateAuth implements Handler<RoutingContext> {
  static final String PRINCIPAL = "principal";
  private static final String BEARER = "Bearer ";

  private final Authenticator authenticator;
  private final Duration timeout;

  GateAuth(Authenticator authenticator, Duration timeout) {
    this.authenticator = authenticator;
    this.timeout = timeout;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> token = token(ctx);
    if (token.isEmpty()) {
      unauthorized(ctx, "a bearer token of role gate is required");
      return;
    }
    authenticator.authenticate(token.get(), ctx.request().remoteAddress().hostAddress())
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(principal -> decide(ctx, principal))
        .onFailure(e -> refused(ctx, e));
  }

  private static void refused(RoutingContext ctx, Throwable failure) {
    if (failure instanceof TooManyFailures slowed) {
      ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, slowed.retryAfter().toSeconds())));
      Problem.send(ctx, 429, "Too many failed authentications", failure.getMessage());
    } else {
      Problem.send(ctx, 503, "Token check unavailable", "the token could not be checked in time");
    }
  }

  private static void decide(RoutingContext ctx, Optional<Principal> principal) {
    if (principal.isEmpty()) {
      unauthorized(ctx, "unknown or revoked token");
    } else if (principal.get().role() != Role.GATE) {
      Problem.send(ctx, 403, "Forbidden", "running gates needs a token of role gate, not " + principal.get().role().label());
    } else {
      ctx.put(PRINCIPAL, principal.get());
      ctx.next();
    }
  }

  private static void unauthorized(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    Problem.send(ctx, 401, "Unauthorized", detail);
  }

  private static Optional<String> token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(header.substring(BEARER.length()).strip()).filter(t -> !t.isEmpty());
    }
    JsonObject body = JsonBodies.object(ctx);
    JsonObject metadata = body == null ? null : body.getValue("metadata") instanceof JsonObject m ? m : null;
    return Optional.ofNullable(metadata).map(m -> m.getValue("token")).filter(String.class::isInstance)
        .map(String.class::cast).filter(t -> !t.isBlank());
  }
}
