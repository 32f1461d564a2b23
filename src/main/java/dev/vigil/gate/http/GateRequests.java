package dev.vigil.gate.http;

import dev.vigil.gate.GateRequest;
import dev.vigil.gate.InvalidGateException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a gate request from the HTTP gate's JSON body, or from a Flagger webhook's
 * {@code metadata}, whose values are all strings (lists comma-separated), listing every problem.
 *
 * <pre>{@code
 * {"tenants": ["clinic-north"], "journeys": ["login", "invoice-posting"],
 *  "runs": 3, "concurrency": 2, "thresholds": ["invoice-posting:p95<800ms", "success>=100%"]}
 * }</pre>
 */
final class GateRequests {
  private GateRequests() {}

  static GateRequest fromJson(JsonObject body) throws InvalidGateException {
    List<String> problems = new ArrayList<>();
    for (String key : body.fieldNames()) {
      if (!List.of("tenants", "journeys", "runs", "concurrency", "thresholds").contains(key)) {
        problems.add("unknown field '" + key + "' (fields: tenants, journeys, runs, concurrency, thresholds)");
      }
    }
    GateRequest request = new GateRequest(strings(body, "tenants", problems), strings(body, "journeys", problems),
        count(body.getValue("runs"), "runs", GateRequest.DEFAULT_RUNS, problems),
        count(body.getValue("concurrency"), "concurrency", GateRequest.DEFAULT_CONCURRENCY, problems),
        strings(body, "thresholds", problems));
    if (!problems.isEmpty()) {
      throw new InvalidGateException(problems);
    }
    return request;
  }

  /** From Flagger's metadata: {@code tenants}, {@code journeys}, {@code thresholds} comma-separated; {@code runs}, {@code concurrency}. */
  static GateRequest fromMetadata(Map<String, String> metadata) throws InvalidGateException {
    List<String> problems = new ArrayList<>();
    GateRequest request = new GateRequest(list(metadata.get("tenants")), list(metadata.get("journeys")),
        count(metadata.get("runs"), "metadata.runs", GateRequest.DEFAULT_RUNS, problems),
        count(metadata.get("concurrency"), "metadata.concurrency", GateRequest.DEFAULT_CONCURRENCY, problems),
        list(metadata.get("thresholds")));
    if (!problems.isEmpty()) {
      throw new InvalidGateException(problems);
    }
    return request;
  }

  private static List<String> strings(JsonObject body, String key, List<String> problems) {
    Object value = body.getValue(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
      return array.stream().map(String.class::cast).toList();
    }
    problems.add("'" + key + "' must be an array of strings");
    return List.of();
  }

  private static int count(Object value, String name, int fallback, List<String> problems) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer n) {
      return n;
    }
    if (value instanceof String s && s.strip().matches("\\d{1,9}")) {
      return Integer.parseInt(s.strip());
    }
    problems.add("'" + name + "' must be a whole number, not " + value);
    return fallback;
  }

  private static List<String> list(String value) {
    return value == null ? List.of()
        : Arrays.stream(value.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
