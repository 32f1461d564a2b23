package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import dev.vigil.store.ResultJson;
import io.vertx.core.json.JsonObject;

/**
 * An event on the cross-replica channel, as published with each live-state write:
 * {@code {"type": "run"|"status", "replica": "<who wrote it>", "data": <ResultJson>}}.
 */
public sealed interface LiveEvent {

  /** The replica whose scheduler produced it. */
  String replica();

  /** A run finished. */
  record RunEvent(String replica, RunResult run) implements LiveEvent {}

  /** A tenant × journey's status changed. */
  record StatusEvent(String replica, StatusChange change) implements LiveEvent {}

  /**
   * Reads a message of the channel.
   *
   * @throws IllegalArgumentException if it is not an event of this form
   */
  static LiveEvent decode(String message) {
    try {
      JsonObject json = new JsonObject(message);
      String replica = json.getString("replica");
      JsonObject data = json.getJsonObject("data");
      return switch (String.valueOf(json.getString("type"))) {
        case "run" -> new RunEvent(replica, ResultJson.decodeRun(data));
        case "status" -> new StatusEvent(replica, ResultJson.decodeChange(data));
        default -> throw new IllegalArgumentException("unknown event type '" + json.getString("type") + "'");
      };
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an event: " + e, e);
    }
  }
}
