package dev.vigil.api;

import dev.vigil.api.auth.Authenticator;
import dev.vigil.api.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.Function;

/**
 * The REST API under {@code /api/v1} (see {@code openapi/vigil-api.yaml}): every route behind
 * {@link ApiAccess}; tenant admins and the platform read, the platform alone compares tenants, a
 * gate token reads only {@code /me}. Tenant scoping is each resource's ({@link TenantScope}).
 */
public final class RestRoutes implements ApiRoutes {
  public static final String PREFIX = "/api/v1";
  /** How long a token check may take before the request is answered 503. */
  static final Duration AUTH_TIMEOUT = Duration.ofSeconds(5);

  private final ApiAccess access;
  private final MeResource me = new MeResource();
  private final TenantsResource tenants;
  private final JourneysResource journeys;
  private final StatusResource status;
  private final RunsResource runs;
  private final SeriesResource series;
  private final StatsResource stats;
  private final CompareResource compare;
  private final AnalysisResource analysis;

  public RestRoutes(ApiSources sources, Authenticator authenticator) {
    this.access = new ApiAccess(authenticator, AUTH_TIMEOUT);
    this.tenants = new TenantsResource(sources);
    this.journeys = new JourneysResource(sources);
    this.status = new StatusResource(sources);
    this.runs = new RunsResource(sources);
    this.series = new SeriesResource(sources);
    this.stats = new StatsResource(sources);
    this.compare = new CompareResource(sources);
    this.analysis = new AnalysisResource(sources);
  }

  @Override
  public void mount(Router router) {
    Handler<RoutingContext> readers = ApiAccess.allow(Role.TENANT_ADMIN, Role.PLATFORM);
    Handler<RoutingContext> anyone = RoutingContext::next;
    get(router, "/me", anyone, me::me);
    get(router, "/tenants", readers, tenants::list);
    get(router, "/tenants/:id", readers, tenants::one);
    get(router, "/journeys", readers, journeys::list);
    get(router, "/status", readers, status::list);
    get(router, "/runs", readers, runs::list);
    get(router, "/runs/:runId", readers, runs::one);
    get(router, "/series", readers, series::series);
    get(router, "/stats", readers, stats::stats);
    get(router, "/compare", ApiAccess.allow(Role.PLATFORM), compare::compare);
    get(router, "/findings", readers, analysis::findings);
    get(router, "/alerts", readers, analysis::alerts);
  }

  private void get(Router router, String path, Handler<RoutingContext> roles,
      Function<RoutingContext, Future<JsonObject>> resource) {
    router.get(PREFIX + path).handler(access).handler(roles).handler(ctx -> Answer.with(ctx, resource));
  }
}
