package dev.vigil.store;

import dev.vigil.domain.RunResult;
import dev.vigil.domain.StatusChange;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One result on its way to the history store: a finished run or a status change. */
public sealed interface OutboxEntry {

  /** The entry as one JSON object: {@code {"type": "run"|"status", "data": {...}}}. */
  JsonObject toJson();

  record Run(RunResult run) implements OutboxEntry {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "run").put("data", ResultJson.encode(run));
    }
  }

  record Change(StatusChange change) implements OutboxEntry {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "status").put("data", ResultJson.encode(change));
    }
  }

  /**
   * Reads an entry back.
   *
   * @throws IllegalArgumentException if the object is not an entry
   */
  static OutboxEntry fromJson(JsonObject json) {
    JsonObject data = json.getJsonObject("data");
    return switch (String.valueOf(json.getString("type"))) {
      case "run" -> new Run(ResultJson.decodeRun(data));
      case "status" -> new Change(ResultJson.decodeChange(data));
      default -> throw new IllegalArgumentException("not a run or a status change: type " + json.getString("type"));
    };
  }

  /** The entries as one batch, runs and changes each in their order. */
  static ResultBatch batch(List<OutboxEntry> entries) {
    List<RunResult> runs = new ArrayList<>();
    List<StatusChange> changes = new ArrayList<>();
    for (OutboxEntry entry : entries) {
      if (entry instanceof Run r) {
        runs.add(r.run());
      } else if (entry instanceof Change c) {
        changes.add(c.change());
      }
    }
    return new ResultBatch(runs, changes);
  }
}
