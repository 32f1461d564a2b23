package dev.vigil.bootstrap;

import dev.vigil.domain.AlertContacts.WebhookFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the platform team's alerts are pushed ({@code platform_alert_webhook}): the environment
 * variable that holds the webhook's URL (webhook URLs hold tokens: never in a file or a flag), and
 * the payload format, written {@code [alertmanager:|slack:]VARIABLE} (Alertmanager by default).
 */
public record PlatformWebhook(WebhookFormat format, String variable) {
  private static final Pattern FORM = Pattern.compile("(?:(alertmanager|slack):)?([A-Za-z_][A-Za-z0-9_]*)");

  /** @throws IllegalArgumentException saying what is expected */
  public static PlatformWebhook parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a webhook reference: expected the name of the"
          + " environment variable holding its URL, optionally after alertmanager: or slack: (slack:PLATFORM_HOOK)");
    }
    WebhookFormat format = m.group(1) == null ? WebhookFormat.ALERTMANAGER
        : WebhookFormat.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    return new PlatformWebhook(format, m.group(2));
  }
}
