package dev.vigil.analysis.alert;

import dev.vigil.domain.AlertContacts.WebhookFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes notifications to webhooks through Vert.x's {@link WebClient}: each target of the alert's
 * {@link Route} gets the payload of its format ({@link AlertmanagerPayload}, {@link SlackPayload}),
 * every attempt with a timeout, retried with back-off on a transport fault, a 429 or a 5xx (not
 * on other 4xx: the payload or the URL is wrong and will stay so). A target that still fails is
 * logged with the alert id and the target's origin, never its whole URL (it may hold a token),
 * and does not stop the others. Non-blocking; call from any Vert.x context.
 */
public final class WebhookNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final Vertx vertx;
  private final WebClient client;
  private final NotifierSettings settings;

  /** @param client owned by the caller (keep a reference: Vert.x 5 reclaims unreachable clients) */
  public WebhookNotifier(Vertx vertx, WebClient client, NotifierSettings settings) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
  }

  /** Completes when every target accepted the notification or ran out of attempts; never fails. */
  @Override
  public Future<Void> send(Notification notification, Route route) {
    List<Future<Void>> sends = route.targets().stream()
        .map(target -> attempt(target, body(target.format(), notification, route.contacts()), 1)
            .recover(failure -> {
              LOG.warn("alert {} ({} {}) not delivered to {}: {}", notification.alert().id(),
                  notification.alert().kind().slug(), notification.type(), target, failure.getMessage());
              return Future.succeededFuture();
            }))
        .toList();
    return Future.join(sends).mapEmpty();
  }

  private static Buffer body(WebhookFormat format, Notification notification, List<String> contacts) {
    return switch (format) {
      case ALERTMANAGER -> AlertmanagerPayload.of(notification, contacts).toBuffer();
      case SLACK -> SlackPayload.of(notification, contacts).toBuffer();
    };
  }

  private Future<Void> attempt(Route.Target target, Buffer body, int attempt) {
    long millis = settings.timeout().toMillis();
    return client.postAbs(target.url().toString())
        .timeout(millis)
        .connectTimeout(millis)
        .putHeader("content-type", "application/json")
        .sendBuffer(body)
        .timeout(millis, TimeUnit.MILLISECONDS)
        .transform(result -> {
          if (result.succeeded() && result.result().statusCode() / 100 == 2) {
            return Future.<Void>succeededFuture();
          }
          boolean retriable = result.failed() || retriable(result.result());
          String why = result.failed() ? String.valueOf(result.cause().getMessage())
              : "HTTP " + result.result().statusCode();
          if (!retriable || attempt >= settings.attempts()) {
            return Future.<Void>failedFuture(why + " after " + attempt + " attempt(s)");
          }
          long wait = settings.backoff().toMillis() << (attempt - 1);
          return (wait > 0 ? vertx.timer(wait) : Future.succeededFuture()).compose(ignored -> attempt(target, body, attempt + 1));
        });
  }

  private static boolean retriable(HttpResponse<Buffer> response) {
    return response.statusCode() == 429 || response.statusCode() >= 500;
  }
}
