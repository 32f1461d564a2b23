package dev.vigil.journey;

import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.AlertContacts.Webhook;
import dev.vigil.domain.AlertContacts.WebhookFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a tenant's {@code alerts}: {@code contacts} (people named in the tenant's alerts: e-mail
 * addresses or chat handles) and {@code webhooks} (each {@code format: alertmanager | slack} and a
 * {@code url} given as a secret reference, since webhook URLs carry tokens).
 */
final class AlertContactsParser {
  private static final List<String> KEYS = List.of("contacts", "webhooks");
  private static final List<String> WEBHOOK_KEYS = List.of("format", "url");
  private static final List<String> FORMATS =
      Arrays.stream(WebhookFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();

  private AlertContactsParser() {}

  static AlertContacts parse(YamlValue value) {
    Optional<YamlMap> map = value.map(KEYS);
    if (map.isEmpty()) {
      return AlertContacts.NONE;
    }
    List<String> contacts = new ArrayList<>();
    map.get().get("contacts").flatMap(YamlValue::list).orElse(List.of())
        .forEach(item -> item.nonBlankText().ifPresent(contacts::add));
    List<Webhook> webhooks = new ArrayList<>();
    map.get().get("webhooks").flatMap(YamlValue::list).orElse(List.of())
        .forEach(item -> webhook(item).ifPresent(webhooks::add));
    return new AlertContacts(contacts, webhooks);
  }

  private static Optional<Webhook> webhook(YamlValue value) {
    Optional<YamlMap> map = value.map(WEBHOOK_KEYS);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Optional<WebhookFormat> format = map.get().required("format").flatMap(AlertContactsParser::format);
    var url = map.get().required("url").flatMap(SecretRefParser::parse);
    return format.isPresent() && url.isPresent() ? Optional.of(new Webhook(format.get(), url.get())) : Optional.empty();
  }

  private static Optional<WebhookFormat> format(YamlValue value) {
    Optional<String> format = value.text();
    if (format.isPresent() && !FORMATS.contains(format.get())) {
      value.problem(Suggestions.unknown("webhook format", format.get(), FORMATS));
      return Optional.empty();
    }
    return format.map(name -> WebhookFormat.valueOf(name.toUpperCase(Locale.ROOT)));
  }
}
