package dev.vigil.analysis.alert;

import dev.vigil.domain.AlertContacts.WebhookFormat;
import java.net.URI;
import java.util.List;

/**
 * Where one alert goes: webhooks with resolved URLs, and the people to name in it.
 * {@code toString()} never shows the URLs, which may hold tokens.
 */
public record Route(List<Target> targets, List<String> contacts) {
  public static final Route NOWHERE = new Route(List.of(), List.of());

  public Route {
    targets = List.copyOf(targets);
    contacts = List.copyOf(contacts);
  }

  /** One webhook receiver. */
  public record Target(WebhookFormat format, URI url) {
    /** Scheme, host and port only: safe for logs. */
    public String origin() {
      return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
      return format + " " + origin() + "/…";
    }
  }

  @Override
  public String toString() {
    return "Route" + targets + " contacts=" + contacts;
  }
}
