package dev.vigil.domain;

import java.util.List;

/**
 * Where a tenant's own alerts go: people to name in the notification ({@code contacts}, e-mail
 * addresses or chat handles, carried as labels) and webhooks to call. Platform alerts go to the
 * platform team instead, configured apart.
 */
public record AlertContacts(List<String> contacts, List<Webhook> webhooks) {
  public static final AlertContacts NONE = new AlertContacts(List.of(), List.of());

  public AlertContacts {
    contacts = List.copyOf(contacts);
    webhooks = List.copyOf(webhooks);
  }

  /** The payload a webhook receiver understands. */
  public enum WebhookFormat {
    /** An Alertmanager {@code POST /api/v2/alerts} array. */
    ALERTMANAGER,
    /** A Slack incoming webhook message ({@code text} and {@code blocks}). */
    SLACK
  }

  /** One webhook; its URL is a secret reference, since webhook URLs often embed a token. */
  public record Webhook(WebhookFormat format, SecretRef url) {}
}
