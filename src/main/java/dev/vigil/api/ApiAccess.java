package dev.vigil.api;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Principal;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TooManyFailures;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Lets a request of the REST API through only with a valid bearer token ({@code Authorization:
 * Bearer <token>}, never a query parameter): 401 with {@code WWW-Authenticate: Bearer} without a
 * token or for an unknown or revoked one; 429 with {@code Retry-After} for a client slowed down
 * after repeated failures; 503 when the token store does not answer within the timeout. The
 * {@link Principal} is then in the context ({@link #principal}); {@link #allow} refuses other roles
 * with 403. Never logs or echoes a token. Runs on the event loop; the lookup is asynchronous.
 */
public final class ApiAccess implements Handler<RoutingContext> {
  private static final String PRINCIPAL = "vigil.principal";

  private final Authenticator authenticator;
  private final Duration timeout;

  public ApiAccess(Authenticator authenticator, Duration timeout) {
    this.authenticator = authenticator;
    this.timeout = timeout;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> token = BearerToken.of(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token.isEmpty()) {
      unauthorized(ctx, "a bearer token is required (Authorization: Bearer <token>)");
      return;
    }
    authenticator.authenticate(token.get(), ctx.request().remoteAddress().hostAddress())
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(principal -> {
          if (principal.isEmpty()) {
            unauthorized(ctx, "unknown or revoked token");
          } else {
            ctx.put(PRINCIPAL, principal.get());
            ctx.next();
          }
        })
        .onFailure(failure -> refused(ctx, failure));
  }

  /** The caller, once this handler let the request through. */
  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("no principal: the route is not behind ApiAccess");
    }
    return principal;
  }

  /** A handler letting through only principals of these roles (403 for the others). */
  public static Handler<RoutingContext> allow(Role first, Role... more) {
    Set<Role> allowed = EnumSet.of(first, more);
    String labels = allowed.stream().map(Role::label).collect(Collectors.joining(" or "));
    return ctx -> {
      Role role = principal(ctx).role();
      if (allowed.contains(role)) {
        ctx.next();
      } else {
        ApiProblem.send(ctx, 403, "Forbidden", "this needs a token of role " + labels + ", not " + role.label());
      }
    };
  }

  static void refused(RoutingContext ctx, Throwable failure) {
    if (failure instanceof TooManyFailures slowed) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, slowed.retryAfter().toSeconds())));
      ApiProblem.send(ctx, 429, "Too many failed authentications", failure.getMessage());
    } else {
      ApiProblem.send(ctx, 503, "Token check unavailable", "the token could not be checked in time");
    }
  }

  private static void unauthorized(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    ApiProblem.send(ctx, 401, "Unauthorized", detail);
  }
}
