package dev.vigil.journey;

import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.Tier;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one tenant file: {@code name}, {@code odoo}, {@code tier} (default shared),
 * {@code placement}, {@code timezone} (default UTC), {@code allowed_origins}, {@code journeys},
 * {@code maintenance} (default none), {@code alerts} (default none), {@code locations} (default
 * the default location) and {@code sandbox} (for {@code vigil demo}).
 * The tenant id is the file name without its extension. Every problem is reported; the tenant
 * returned after a problem is incomplete.
 */
final class TenantParser {
  private static final Set<String> KEYS = Set.of("name", "odoo", "tier", "placement", "timezone",
      "allowed_origins", "journeys", "maintenance", "sandbox", "alerts", "locations");
  private static final List<String> TIERS =
      Arrays.stream(Tier.values()).map(tier -> tier.name().toLowerCase(Locale.ROOT)).toList();

  private final TenantJourneysParser journeysParser;

  /** @param journeyParams every known journey id with the params it declares */
  TenantParser(Map<String, Set<String>> journeyParams) {
    this.journeysParser = new TenantJourneysParser(journeyParams);
  }

  /** The tenant, or empty when the file is not even a map (reported). */
  Optional<Tenant> parse(YamlValue root, String id) {
    if (!root.isMap()) {
      return root.expected("a tenant: a map with name, odoo and journeys");
    }
    if (!JourneyParser.ID.matcher(id).matches()) {
      root.problem("the file name '" + id + "' is not a valid tenant id: " + JourneyParser.ID_RULE
          + ", e.g. clinic-north.yaml");
    }
    YamlMap map = root.map(KEYS).orElseThrow();
    OdooSectionParser.OdooSection odoo = map.required("odoo").map(OdooSectionParser::parse)
        .orElse(new OdooSectionParser.OdooSection(null, null, null, null));
    return Optional.of(new Tenant(
        id,
        map.required("name").flatMap(YamlValue::nonBlankText).orElse(""),
        odoo.url(),
        odoo.database(),
        odoo.api(),
        odoo.credentials(),
        map.get("tier").flatMap(TenantParser::tier).orElse(Tier.SHARED),
        map.get("placement").map(TenantParser::placement).orElse(Map.of()),
        map.required("journeys").map(journeysParser::parse).orElse(List.of()),
        map.get("allowed_origins").map(TenantParser::origins).orElse(Set.of()),
        map.get("timezone").flatMap(TenantParser::timezone).orElse("UTC"),
        map.get("maintenance").map(MaintenanceParser::parse).orElse(List.of()),
        map.get("sandbox").flatMap(sandbox -> SandboxHintParser.parse(sandbox, odoo.url())),
        map.get("alerts").map(AlertContactsParser::parse).orElse(AlertContacts.NONE),
        map.get("locations").map(TenantParser::locations).orElse(Set.of(Tenant.DEFAULT_LOCATION)),
        root.pos()));
  }

  private static Optional<Tier> tier(YamlValue value) {
    Optional<String> tier = value.text();
    if (tier.isPresent() && !TIERS.contains(tier.get())) {
      value.problem("unknown tier '" + tier.get() + "': expected one of " + String.join(", ", TIERS));
      return Optional.empty();
    }
    return tier.map(name -> Tier.valueOf(name.toUpperCase(Locale.ROOT)));
  }

  private static Map<String, String> placement(YamlValue value) {
    Map<String, String> labels = new LinkedHashMap<>();
    value.map().ifPresent(map -> map.entries().forEach((name, label) -> {
      if (label.isScalar() && !label.isNull()) {
        labels.put(name, label.scalarText());
      } else {
        label.expected("a label (text or a number)");
      }
    }));
    return labels;
  }

  private static Optional<String> timezone(YamlValue value) {
    Optional<String> zone = value.text();
    try {
      zone.ifPresent(ZoneId::of);
      return zone;
    } catch (DateTimeException e) {
      value.problem("unknown time zone '" + zone.orElseThrow()
          + "': expected an IANA zone such as Europe/Brussels, or UTC");
      return Optional.empty();
    }
  }

  /** Location labels, as the {@code location} setting of replicas; repeats are reported. */
  private static Set<String> locations(YamlValue value) {
    Set<String> locations = new LinkedHashSet<>();
    value.nonEmptyList().orElse(List.of()).forEach(item -> item.text().ifPresent(label -> {
      if (!JourneyParser.ID.matcher(label).matches()) {
        item.problem("'" + label + "' is not a location: lowercase letters, digits and '-', starting with a letter"
            + " or digit, e.g. eu-west");
      } else if (!locations.add(label)) {
        item.problem("location '" + label + "' is listed twice");
      }
    }));
    return locations;
  }

  private static Set<String> origins(YamlValue value) {
    Set<String> origins = new LinkedHashSet<>();
    value.list().orElse(List.of()).forEach(item ->
        Origins.read(item, false, "an origin: scheme://host[:port], e.g. https://status.example.com")
            .ifPresent(origin -> origins.add(origin.toString())));
    return origins;
  }
}
