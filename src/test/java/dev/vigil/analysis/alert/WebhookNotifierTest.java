package dev.vigil.analysis.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analysis.WebhookReceiver;
import dev.vigil.domain.AlertContacts.WebhookFormat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(30_000)
@DisplayName("Webhook notifier against a real HTTP receiver on 127.0.0.1")
class WebhookNotifierTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private WebClient client;

  @BeforeEach
  void client(Vertx vertx) {
    client = WebClient.create(vertx);
  }

  private static Alert alert(Optional<Instant> resolvedAt) {
    Cause cause = new Cause(AlertKind.SHARED_RESOURCE_CONTENTION, "contention:postgres=pg-a", Severity.ACTIONABLE,
        Optional.empty(), Set.of("clinic-north", "clinic-south"), Map.of("postgres", "pg-a"),
        "shared-resource contention on postgres=pg-a: suspect clinic-south <db>", Map.of("clinic-south.load_share", 0.91));
    return new Alert("a-1", cause, "http://vigil.test/runbooks/shared-resource-contention", T0, Optional.empty(), resolvedAt);
  }

  private static Route route(WebhookReceiver receiver) {
    return new Route(List.of(
        new Route.Target(WebhookFormat.ALERTMANAGER, URI.create(receiver.url("/api/v2/alerts"))),
        new Route.Target(WebhookFormat.SLACK, URI.create(receiver.url("/services/T000/B000/secret-token")))),
        List.of("sre@hosting.example"));
  }

  @Test
  @DisplayName("sends an Alertmanager v2 array and a Slack message, retrying a 503")
  void sendsBothFormats(Vertx vertx, VertxTestContext ctx) {
    WebhookReceiver receiver = new WebhookReceiver(1);
    WebhookNotifier notifier = new WebhookNotifier(vertx, client,
        new NotifierSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(10)));
    vertx.deployVerticle(receiver)
        .compose(id -> notifier.send(new Notification(alert(Optional.empty()), Notification.Type.OPENED), route(receiver)))
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertEquals(3, receiver.attempts(), "one 503, then both delivered");
          assertEquals(2, receiver.received().size());
          WebhookReceiver.Received am = receiver.received().stream()
              .filter(r -> r.path().equals("/api/v2/alerts")).findFirst().orElseThrow();
          JsonObject sent = new JsonArray(am.body()).getJsonObject(0);
          assertEquals("shared-resource-contention", sent.getJsonObject("labels").getString("alertname"));
          assertEquals("actionable", sent.getJsonObject("labels").getString("severity"));
          assertEquals("platform", sent.getJsonObject("labels").getString("owner"));
          assertEquals("pg-a", sent.getJsonObject("labels").getString("postgres"));
          assertEquals("http://vigil.test/runbooks/shared-resource-contention",
              sent.getJsonObject("annotations").getString("runbook_url"));
          assertEquals("sre@hosting.example", sent.getJsonObject("annotations").getString("contacts"));
          assertEquals(T0.toString(), sent.getString("startsAt"));
          assertTrue(!sent.containsKey("endsAt"));
          JsonObject slack = receiver.received().stream().filter(r -> r.path().startsWith("/services/"))
              .findFirst().orElseThrow().body().toJsonObject();
          assertTrue(slack.getString("text").startsWith("[ACTIONABLE] shared-resource-contention"), slack.getString("text"));
          String blocks = slack.getJsonArray("blocks").encode();
          assertTrue(blocks.contains("<http://vigil.test/runbooks/shared-resource-contention|Runbook>"), blocks);
          assertTrue(blocks.contains("&lt;db&gt;"), "mrkdwn control characters are escaped: " + blocks);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a resolve notification carries endsAt and says RESOLVED")
  void resolve(Vertx vertx, VertxTestContext ctx) {
    WebhookReceiver receiver = new WebhookReceiver(0);
    WebhookNotifier notifier = new WebhookNotifier(vertx, client, NotifierSettings.DEFAULTS);
    Instant end = T0.plusSeconds(600);
    vertx.deployVerticle(receiver)
        .compose(id -> notifier.send(new Notification(alert(Optional.of(end)), Notification.Type.RESOLVED), route(receiver)))
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          JsonObject sent = receiver.received().stream().filter(r -> r.path().equals("/api/v2/alerts"))
              .map(r -> new JsonArray(r.body()).getJsonObject(0)).findFirst().orElseThrow();
          assertEquals(end.toString(), sent.getString("endsAt"));
          JsonObject slack = receiver.received().stream().filter(r -> r.path().startsWith("/services/"))
              .findFirst().orElseThrow().body().toJsonObject();
          assertTrue(slack.getString("text").startsWith("[RESOLVED]"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a receiver that keeps failing gets the configured attempts, then the send completes without failing")
  void givesUp(Vertx vertx, VertxTestContext ctx) {
    WebhookReceiver receiver = new WebhookReceiver(100);
    WebhookNotifier notifier = new WebhookNotifier(vertx, client,
        new NotifierSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(10)));
    vertx.deployVerticle(receiver)
        .compose(id -> notifier.send(new Notification(alert(Optional.empty()), Notification.Type.OPENED),
            new Route(List.of(new Route.Target(WebhookFormat.SLACK, URI.create(receiver.url("/hook")))), List.of())))
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertEquals(3, receiver.attempts());
          assertTrue(receiver.received().isEmpty());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a target's description never shows the URL's path, where webhook tokens live")
  void safeTarget() {
    Route.Target target = new Route.Target(WebhookFormat.SLACK, URI.create("https://hooks.slack.com/services/T0/B0/XYZ"));
    assertEquals("SLACK https://hooks.slack.com/…", target.toString());
  }
}
