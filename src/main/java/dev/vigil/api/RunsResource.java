package dev.vigil.api;

import dev.vigil.api.auth.Principal;
import dev.vigil.domain.Outcome;
import dev.vigil.domain.Tenant;
import dev.vigil.store.ResultJson;
import dev.vigil.store.postgres.RunQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/runs}: one tenant's runs (a tenant admin's own by default; the platform must
 * name the tenant), optionally of one journey and one outcome, in a window (default the last 24 h),
 * newest first, {@code limit} (default 50, at most 200) per page, {@code cursor} continuing from the
 * previous page's {@code next}. {@code GET /api/v1/runs/{runId}}: one run with its steps and
 * teardown, 404 when it is unknown, expired or of a tenant the caller does not see (one answer).
 */
final class RunsResource {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final ApiSources sources;

  RunsResource(ApiSources sources) {
    this.sources = sources;
  }

  Future<JsonObject> list(RoutingContext ctx) {
    Tenant tenant = TenantScope.required(ctx, ApiAccess.principal(ctx), sources.catalog().get());
    Params.Window window = Params.window(ctx, sources.clock());
    RunQuery query = new RunQuery(tenant.id(), Params.text(ctx, "journey"), outcome(ctx), window.from(), window.to(),
        Params.count(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT), Params.text(ctx, "cursor"));
    return sources.historyOrFail().history().runs(query).map(page -> {
      JsonArray items = new JsonArray();
      page.runs().forEach(run -> items.add(ApiJson.run(run)));
      JsonObject json = new JsonObject().put("items", items);
      page.next().ifPresent(next -> json.put("next", next));
      return json;
    });
  }

  Future<JsonObject> one(RoutingContext ctx) {
    Principal principal = ApiAccess.principal(ctx);
    String runId = ctx.pathParam("runId");
    return sources.historyOrFail().history().run(runId).map(found -> found
        .filter(run -> principal.sees(run.tenantId()))
        .map(ResultJson::encode)
        .orElseThrow(() -> ApiException.notFound("run", runId)));
  }

  private static Optional<Outcome> outcome(RoutingContext ctx) {
    return Params.text(ctx, "outcome").map(text -> {
      try {
        return Outcome.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("'outcome' must be one of " + Arrays.toString(Outcome.values()));
      }
    });
  }
}
