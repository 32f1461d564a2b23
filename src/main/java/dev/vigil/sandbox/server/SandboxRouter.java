package dev.vigil.sandbox.server;

import dev.vigil.sandbox.SessionExpiryMode;
import dev.vigil.sandbox.capacity.ServiceTimes;
import dev.vigil.sandbox.models.Database;
import dev.vigil.sandbox.orm.OdooError;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one sandbox server. Every request — health checks and 404s included — goes
 * through the server's {@link dev.vigil.sandbox.capacity.CapacityModel}: it waits for a worker,
 * holds it for its service time, and only then is answered. JSON-RPC routes share one pipeline:
 * parse the body (16 answers a malformed one with HTTP 400, later versions with a
 * {@code JSONDecodeError}), find the session of the {@code session_id} cookie, run the endpoint,
 * turn an {@link OdooError} into a JSON-RPC error and a missing session into the configured
 * {@link SessionExpiryMode} answer. A plain GET on a JSON route is Odoo's HTTP 400 page. Each
 * answered request is reported to the server's call observer with its service time, from its
 * arrival until its response is written.
 */
public final class SandboxRouter {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxRouter.class);
  private static final long BODY_LIMIT = 4L * 1024 * 1024;
  private static final String RECEIVED_AT = "sandbox.receivedAt";

  private final OdooServer server;

  private SandboxRouter(OdooServer server) {
    this.server = server;
  }

  /** The router of {@code server}; use it as the request handler of one HTTP server. */
  public static Router create(Vertx vertx, OdooServer server) {
    SandboxRouter routes = new SandboxRouter(server);
    Router router = Router.router(vertx);
    router.route().handler(context -> {
      context.put(RECEIVED_AT, System.nanoTime());
      context.next();
    });
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.route("/web/health").handler(context -> routes.serve(context, null, ServiceTimes.HEALTH,
        () -> HttpReply.json(200, new JsonObject().put("status", "pass"))));
    WebPages pages = new WebPages(server);
    router.get("/web/login").handler(context -> routes.serve(context, null, ServiceTimes.PAGE,
        () -> pages.loginForm(context.request().getParam("db"), context.request().getParam("redirect"))));
    router.post("/web/login").handler(context -> routes.serve(context, pages.database(context.request().getFormAttribute("db")),
        ServiceTimes.AUTHENTICATE, () -> pages.login(context.request().getFormAttribute("db"),
            context.request().getFormAttribute("login"), context.request().getFormAttribute("password"),
            context.request().getFormAttribute("redirect"), routes.session(context))));
    for (String client : List.of("/web", "/odoo", "/odoo/*")) {
      router.get(client).handler(context -> routes.serve(context, null, ServiceTimes.PAGE,
          () -> pages.webClient(context.request().path(), routes.session(context))));
    }
    Map<String, JsonRpcEndpoint> endpoints = new WebEndpoints(server).byPath();
    endpoints.put("/jsonrpc", new RpcServices(server).endpoint());
    endpoints.forEach((path, endpoint) -> {
      router.post(path).handler(context -> routes.jsonRpc(context, endpoint));
      router.route(path).handler(context -> routes.serve(context, null, ServiceTimes.PAGE,
          () -> HttpReply.html(400, HtmlPages.jsonRouteOverHttp(context.request().path()))));
    });
    if (server.dialect().servesJson2()) {
      Json2Endpoint json2 = new Json2Endpoint(server);
      router.post("/json/2/:model/:method").handler(context -> routes.json2(context, json2));
    }
    router.put("/vigil/sandbox/load/:db").handler(routes::setBackgroundLoad);
    router.route().last().handler(context -> routes.serve(context, null, ServiceTimes.PAGE,
        () -> HttpReply.html(404, HtmlPages.notFound())));
    return router;
  }

  /**
   * Not an Odoo route: {@code PUT /vigil/sandbox/load/<db>} with {@code {"users": N}} puts N
   * simulated heavy users on the database (0 stops them), for the noisy-neighbour demo.
   */
  private void setBackgroundLoad(RoutingContext context) {
    String db = context.pathParam("db");
    Object users;
    try {
      users = new JsonObject(bodyText(context)).getValue("users");
    } catch (DecodeException e) {
      users = null;
    }
    if (server.database(db).isEmpty()) {
      context.response().setStatusCode(404).end(new JsonObject().put("error", "no database " + db).encode());
    } else if (!(users instanceof Integer count) || count < 0) {
      context.response().setStatusCode(400).end(new JsonObject().put("error", "expected {\"users\": N}, N >= 0").encode());
    } else {
      server.background().set(db, count);
      LOG.info("sandbox database {}: {} simulated heavy users", db, count);
      context.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("database", db).put("users", count).encode());
    }
  }

  private void jsonRpc(RoutingContext context, JsonRpcEndpoint endpoint) {
    String text = bodyText(context);
    JsonObject request;
    try {
      request = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      serve(context, null, ServiceTimes.SESSION, () -> malformed(text));
      return;
    }
    Session session = session(context);
    JsonObject params = request.getValue("params") instanceof JsonObject object ? object : new JsonObject();
    JsonRpcCall call = new JsonRpcCall(request.getValue("id"), params, context.request().path(), session,
        baseUrl(context));
    serve(context, endpoint.database().apply(call), endpoint.serviceMillis().applyAsLong(call),
        () -> answer(endpoint, call));
  }

  /** The logged-in session of the request's {@code session_id} cookie, or null. */
  private Session session(RoutingContext context) {
    Cookie cookie = context.request().getCookie("session_id");
    return server.sessions().find(cookie == null ? null : cookie.getValue()).orElse(null);
  }

  private HttpReply answer(JsonRpcEndpoint endpoint, JsonRpcCall call) {
    try {
      return endpoint.handler().apply(call);
    } catch (JsonRpcCall.NoSession e) {
      return sessionExpired(call);
    } catch (OdooError e) {
      return HttpReply.json(200, JsonRpcEnvelope.error(call.id(), e));
    }
  }

  private HttpReply sessionExpired(JsonRpcCall call) {
    if (server.sessionExpiry() == SessionExpiryMode.REDIRECT_LOGIN) {
      String location = "/web/login?redirect=" + URLEncoder.encode(call.path(), StandardCharsets.UTF_8);
      return HttpReply.html(303, HtmlPages.redirect(location)).withHeader("Location", location);
    }
    return HttpReply.json(200, JsonRpcEnvelope.error(call.id(), OdooErrors.sessionExpired()));
  }

  private HttpReply malformed(String text) {
    if (server.dialect().rejectsMalformedJsonWithHttp400()) {
      return HttpReply.html(400, "Invalid JSON data");
    }
    return HttpReply.json(200, JsonRpcEnvelope.error(null, OdooErrors.jsonDecodeError(PythonJson.decodeError(text))));
  }

  private void json2(RoutingContext context, Json2Endpoint json2) {
    Json2Endpoint.Request request = new Json2Endpoint.Request(
        context.pathParam("model"), context.pathParam("method"),
        context.request().getHeader("Authorization"), context.request().getHeader("X-Odoo-Database"),
        bodyText(context));
    Optional<Database> db = json2.database(request);
    if (db.isEmpty()) {
      serve(context, null, ServiceTimes.PAGE, () -> HttpReply.html(404, HtmlPages.notFound()));
      return;
    }
    serve(context, db.get().name(), json2.serviceMillis(request), () -> json2.handle(request, db.get()));
  }

  /** Runs a request through the capacity model, then writes its reply. */
  private void serve(RoutingContext context, String db, long serviceMillis, Supplier<HttpReply> reply) {
    server.capacity().run(db, serviceMillis, reply).onComplete(result -> {
      server.counters().countCall(db);
      if (write(context, result)) {
        server.served(db, context.request().path(), context.<Long>get(RECEIVED_AT));
      }
    });
  }

  /** Writes the reply; false when the connection was gone and nothing was written. */
  private static boolean write(RoutingContext context, AsyncResult<HttpReply> result) {
    HttpServerResponse response = context.response();
    if (response.ended() || response.closed()) {
      return false;
    }
    if (result.failed()) {
      LOG.error("sandbox: {} {} failed", context.request().method(), context.request().path(), result.cause());
      response.setStatusCode(500).end("Internal Server Error");
      return true;
    }
    HttpReply reply = result.result();
    response.setStatusCode(reply.status()).putHeader("Content-Type", reply.contentType());
    reply.headers().forEach(response::putHeader);
    response.end(reply.body());
    return true;
  }

  private static String bodyText(RoutingContext context) {
    Buffer body = context.body().buffer();
    return body == null ? "" : body.toString(StandardCharsets.UTF_8);
  }

  private static String baseUrl(RoutingContext context) {
    HostAndPort authority = context.request().authority();
    return "http://" + (authority == null ? "127.0.0.1" : authority.host() + ":" + authority.port());
  }
}
