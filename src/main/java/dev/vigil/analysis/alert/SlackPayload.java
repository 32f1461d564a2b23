package dev.vigil.analysis.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Slack incoming-webhook form: {@code text} (the fallback shown in notifications) and
 * {@code blocks} — a section with the severity, kind and summary in mrkdwn, a section with the
 * evidence, and a context line with the runbook link, owner, contacts and alert id.
 */
public final class SlackPayload {
  private SlackPayload() {}

  public static JsonObject of(Notification notification, List<String> contacts) {
    Alert alert = notification.alert();
    String state = switch (notification.type()) {
      case OPENED -> alert.severity().label().toUpperCase(Locale.ROOT);
      case ESCALATED -> "ESCALATED to " + alert.severity().label().toUpperCase(Locale.ROOT);
      case RESOLVED -> "RESOLVED";
    };
    String text = "[" + state + "] " + alert.kind().slug() + ": " + alert.cause().summary();
    JsonArray blocks = new JsonArray()
        .add(section("*" + escape("[" + state + "] " + alert.kind().slug()) + "*\n" + escape(alert.cause().summary())));
    if (!alert.cause().evidence().isEmpty()) {
      StringBuilder evidence = new StringBuilder();
      for (Map.Entry<String, Double> e : new TreeMap<>(alert.cause().evidence()).entrySet()) {
        evidence.append("• ").append(escape(e.getKey())).append(": ").append(e.getValue()).append('\n');
      }
      blocks.add(section(evidence.toString().strip()));
    }
    String context = "<" + alert.runbook() + "|Runbook> · owner " + escape(alert.owner())
        + (contacts.isEmpty() ? "" : " · " + escape(String.join(", ", contacts)))
        + " · alert " + alert.id();
    blocks.add(new JsonObject().put("type", "context")
        .put("elements", new JsonArray().add(new JsonObject().put("type", "mrkdwn").put("text", context))));
    return new JsonObject().put("text", text).put("blocks", blocks);
  }

  private static JsonObject section(String mrkdwn) {
    return new JsonObject().put("type", "section").put("text", new JsonObject().put("type", "mrkdwn").put("text", mrkdwn));
  }

  /** Slack's three control characters in mrkdwn. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
