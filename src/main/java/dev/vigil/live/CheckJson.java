package dev.vigil.live;

import dev.vigil.store.ResultJson;
import dev.vigil.store.redis.CheckLive;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON form of one tenant × journey's live state, shared by {@code GET /api/v1/status} and the
 * live stream's snapshot: {@code {tenantId, journeyId, status?, since?, reason?, lastRun?}}, runs
 * as {@link ResultJson}, and with {@code recentRuns} (newest first) for the snapshot.
 */
public final class CheckJson {
  private CheckJson() {}

  /** The check's status and its latest run. */
  public static JsonObject status(CheckLive check) {
    JsonObject json = new JsonObject()
        .put("tenantId", check.check().tenantId())
        .put("journeyId", check.check().journeyId());
    check.status().ifPresent(change -> json
        .put("status", change.to().name())
        .put("since", change.at().toString())
        .put("reason", change.reason()));
    check.latestRun().ifPresent(run -> json.put("lastRun", ResultJson.encode(run)));
    return json;
  }

  /** {@link #status} with the recent runs, newest first. */
  public static JsonObject withRecentRuns(CheckLive check) {
    JsonArray runs = new JsonArray();
    check.recentRuns().forEach(run -> runs.add(ResultJson.encode(run)));
    return status(check).put("recentRuns", runs);
  }
}
