package dev.vigil.api;

import dev.vigil.analysis.alert.AlertKind;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /runbooks/{kind}}: the runbook of an alert kind ({@code runbooks/<kind>.md} in the
 * jar, as {@code text/markdown}), where every alert links to. No token: runbooks hold no data. Only
 * the known kinds are served, so no path reaches any other file.
 */
public final class RunbookRoutes implements ApiRoutes {
  private static final Set<String> KINDS = Arrays.stream(AlertKind.values()).map(AlertKind::slug)
      .collect(Collectors.toUnmodifiableSet());

  private final Vertx vertx;

  public RunbookRoutes(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void mount(Router router) {
    router.get("/runbooks/:kind").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    String kind = ctx.pathParam("kind");
    if (!KINDS.contains(kind)) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    vertx.fileSystem().readFile("runbooks/" + kind + ".md")
        .onSuccess(text -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8").end(text))
        .onFailure(ctx::fail);
  }
}
