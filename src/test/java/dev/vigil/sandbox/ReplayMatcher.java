package dev.vigil.sandbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a sandbox answer with a recorded one and lists every difference that matters: HTTP
 * status; for non-JSON bodies the first line (page kind); for JSON-RPC the id, result-vs-error,
 * presence of {@code result}, the error's code, message, {@code data.name}, {@code data.message}
 * and arguments, and the whole result, except volatile values: datetimes, tracebacks, sequence
 * numbers (only the prefix of {@code INV/2026/00005} counts), the build suffix of
 * {@code server_version}, the other databases of a shared PostgreSQL in database lists, and the
 * session info's UI keys (only identity keys are compared).
 */
final class ReplayMatcher {
  private static final Set<String> VOLATILE_KEYS = Set.of("debug", "date_done", "partner_write_date");
  private static final Set<String> SESSION_KEYS = Set.of("uid", "is_system", "is_admin", "db", "username", "name",
      "user_context", "server_version_info", "partner_id", "company_id", "user_id", "is_public", "is_internal_user");
  private static final Pattern SEQUENCE = Pattern.compile("^(.*?)(\\d{5})$");

  private final List<String> differences = new ArrayList<>();
  private final String label;

  private ReplayMatcher(String label) {
    this.label = label;
  }

  /**
   * The differences between the recorded answer and the sandbox's.
   *
   * @param expectedResult the recorded result with created ids translated to the sandbox's
   */
  static List<String> differences(Recording call, int status, String body, Object expectedResult, String database) {
    ReplayMatcher matcher = new ReplayMatcher(call.label());
    matcher.check(call, status, body, expectedResult, database);
    return matcher.differences;
  }

  private void check(Recording call, int status, String body, Object expectedResult, String database) {
    if (status != call.status()) {
      differ("HTTP status", call.status(), status);
    }
    if (call.response() instanceof String text) {
      String firstLine = text.lines().findFirst().orElse("");
      if (!body.startsWith(firstLine)) {
        differ("body", firstLine + "...", body.lines().findFirst().orElse(""));
      }
      return;
    }
    JsonObject expected = (JsonObject) call.response();
    JsonObject actual;
    try {
      actual = new JsonObject(body);
    } catch (DecodeException e) {
      differ("body", "JSON", body);
      return;
    }
    if (!expected.containsKey("jsonrpc")) {
      compare("body", expected, actual);
      return;
    }
    if (!Objects.equals(expected.getValue("id"), actual.getValue("id"))) {
      differ("id", expected.getValue("id"), actual.getValue("id"));
    }
    for (String key : List.of("result", "error")) {
      if (expected.containsKey(key) != actual.containsKey(key)) {
        differ("has '" + key + "'", expected.containsKey(key), actual.containsKey(key));
      }
    }
    if (expected.containsKey("error") && actual.getValue("error") instanceof JsonObject error) {
      compareError(expected.getJsonObject("error"), error);
    } else if (expected.containsKey("result") && actual.containsKey("result")) {
      compareResult(call, expectedResult, actual.getValue("result"), database);
    }
  }

  private void compareError(JsonObject expected, JsonObject actual) {
    compare("error.code", expected.getValue("code"), actual.getValue("code"));
    compare("error.message", expected.getValue("message"), actual.getValue("message"));
    JsonObject expectedData = expected.getJsonObject("data");
    JsonObject actualData = actual.getJsonObject("data", new JsonObject());
    for (String key : List.of("name", "message", "arguments")) {
      compare("error.data." + key, expectedData.getValue(key), actualData.getValue(key));
    }
  }

  private void compareResult(Recording call, Object expected, Object actual, String database) {
    JsonObject params = call.request() == null ? new JsonObject() : call.request().getJsonObject("params", new JsonObject());
    boolean databaseList = call.path().equals("/web/database/list")
        || "db".equals(params.getValue("service")) && "list".equals(params.getValue("method"));
    if (databaseList) {
      if (!(actual instanceof JsonArray names) || !names.contains(database)) {
        differ("result", "a list of databases holding " + database, actual);
      }
      return;
    }
    if (expected instanceof JsonObject info && info.containsKey("user_context") && actual instanceof JsonObject given) {
      for (String key : SESSION_KEYS) {
        if (info.containsKey(key)) {
          compare("result." + key, info.getValue(key), given.getValue(key));
        }
      }
      return;
    }
    compare("result", expected, actual);
  }

  private void compare(String path, Object expected, Object actual) {
    if (expected instanceof JsonObject object && actual instanceof JsonObject given) {
      Set<String> keys = new HashSet<>(object.fieldNames());
      keys.addAll(given.fieldNames());
      keys.removeAll(VOLATILE_KEYS);
      for (String key : keys) {
        if (object.containsKey(key) != given.containsKey(key)) {
          differ(path + "." + key, object.containsKey(key) ? "present" : "absent",
              given.containsKey(key) ? "present" : "absent");
        } else {
          compare(path + "." + key, object.getValue(key), given.getValue(key));
        }
      }
    } else if (expected instanceof JsonArray list && actual instanceof JsonArray given) {
      if (list.size() != given.size()) {
        differ(path, Json.encode(list), Json.encode(given));
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        compare(path + "[" + i + "]", list.getValue(i), given.getValue(i));
      }
    } else if (expected instanceof Number number && actual instanceof Number given) {
      if (number.doubleValue() != given.doubleValue()) {
        differ(path, expected, actual);
      }
    } else if (expected instanceof String text && actual instanceof String given) {
      if (!sameText(path, text, given)) {
        differ(path, text, given);
      }
    } else if (!Objects.equals(expected, actual)) {
      differ(path, expected, actual);
    }
  }

  private static boolean sameText(String path, String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (path.endsWith(".server_version")) {
      return expected.split("\\+")[0].equals(actual);
    }
    Matcher left = SEQUENCE.matcher(expected);
    Matcher right = SEQUENCE.matcher(actual);
    return left.matches() && right.matches() && left.group(1).equals(right.group(1));
  }

  private void differ(String what, Object expected, Object actual) {
    differences.add("[" + label + "] " + what + ": expected " + expected + " but was " + actual);
  }
}
