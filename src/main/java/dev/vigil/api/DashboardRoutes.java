package dev.vigil.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The dashboard's static files ({@code webroot/dashboard/} of the jar) at {@code /dashboard/},
 * without authentication — they hold no data: the pages ask for a token and call the API and the
 * live stream with it. {@code /} and {@code /dashboard} redirect there.
 */
public final class DashboardRoutes implements ApiRoutes {
  public static final String PATH = "/dashboard/";
  private static final int MAX_AGE_SECONDS = 60;

  @Override
  public void mount(Router router) {
    router.get("/").handler(ctx -> redirect(ctx.response()));
    router.get("/dashboard").handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next(); // the router takes /dashboard/ for /dashboard too: that one is the static files'
      } else {
        redirect(ctx.response());
      }
    });
    router.get(PATH + "*").handler(StaticHandler.create("webroot/dashboard").setMaxAgeSeconds(MAX_AGE_SECONDS));
  }

  private static void redirect(io.vertx.core.http.HttpServerResponse response) {
    response.setStatusCode(302).putHeader(HttpHeaders.LOCATION, PATH).end();
  }
}
