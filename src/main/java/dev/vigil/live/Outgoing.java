package dev.vigil.live;

import dev.vigil.domain.StatusChange;
import dev.vigil.store.ResultJson;
import dev.vigil.store.redis.LiveEvent;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A delta for the connections, encoded once for all of them: {@code {"type":"run","data":<run>}}
 * or {@code {"type":"status","data":<status change>}}. A status carries a coalescing key (its
 * tenant × journey), so a slow client's queue keeps only the latest status of each check.
 *
 * @param tenantId whose event it is: only connections subscribed to that tenant receive it
 */
record Outgoing(String tenantId, String text, Optional<String> coalescingKey) {

  static Outgoing of(LiveEvent event) {
    if (event instanceof LiveEvent.RunEvent run) {
      return new Outgoing(run.run().tenantId(), message("run", ResultJson.encode(run.run())), Optional.empty());
    }
    return status(((LiveEvent.StatusEvent) event).change());
  }

  private static Outgoing status(StatusChange change) {
    return new Outgoing(change.tenantId(), message("status", ResultJson.encode(change)),
        Optional.of(change.tenantId() + "/" + change.journeyId()));
  }

  private static String message(String type, JsonObject data) {
    return new JsonObject().put("type", type).put("data", data).encode();
  }
}
