package dev.vigil.analysis.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The Alertmanager API v2 form, {@code POST /api/v2/alerts}: an array of one alert with
 * {@code labels} (they identify the alert to Alertmanager: {@code alertname} is the kind, plus
 * {@code severity}, {@code owner} and the cause's labels), {@code annotations} (summary, runbook
 * URL, alert id, parent, contacts, evidence), {@code startsAt}, {@code generatorURL} (the
 * runbook) and, once resolved, {@code endsAt}. A real Alertmanager takes it as is, or any
 * receiver that accepts that array; a repeated POST of an open alert is how Alertmanager keeps
 * it alive.
 */
public final class AlertmanagerPayload {
  private AlertmanagerPayload() {}

  public static JsonArray of(Notification notification, List<String> contacts) {
    Alert alert = notification.alert();
    JsonObject labels = new JsonObject()
        .put("alertname", alert.kind().slug())
        .put("severity", alert.severity().label())
        .put("owner", alert.owner());
    alert.cause().labels().forEach(labels::put);
    JsonObject annotations = new JsonObject()
        .put("summary", alert.cause().summary())
        .put("runbook_url", alert.runbook())
        .put("vigil_alert_id", alert.id());
    alert.parentId().ifPresent(parent -> annotations.put("correlated_with", parent));
    if (!contacts.isEmpty()) {
      annotations.put("contacts", String.join(", ", contacts));
    }
    if (!alert.cause().evidence().isEmpty()) {
      annotations.put("evidence", new JsonObject(new TreeMap<String, Object>(alert.cause().evidence())).encode());
    }
    JsonObject body = new JsonObject()
        .put("labels", labels)
        .put("annotations", annotations)
        .put("startsAt", alert.openedAt().toString())
        .put("generatorURL", alert.runbook());
    alert.resolvedAt().map(Instant::toString).ifPresent(end -> body.put("endsAt", end));
    return new JsonArray().add(body);
  }
}
