package dev.vigil.journey;

import dev.vigil.domain.Credentials;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.SecretRef;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a tenant's {@code odoo} section: {@code url}, {@code database}, {@code api} (default
 * session), {@code login}, and {@code password} or, for {@code api: json2}, {@code api_key}, both
 * secret references.
 */
final class OdooSectionParser {
  private static final Set<String> KEYS =
      Set.of("url", "database", "api", "login", "password", "api_key");
  private static final String URL = "the server's address such as https://odoo.example.com";
  private static final List<String> APIS =
      Arrays.stream(OdooApi.values()).map(api -> api.name().toLowerCase(Locale.ROOT)).toList();

  /** What the {@code odoo} section says. Values that could not be read are null. */
  record OdooSection(URI url, String database, OdooApi api, Credentials credentials) {}

  private OdooSectionParser() {}

  static OdooSection parse(YamlValue value) {
    Optional<YamlMap> section = value.map(KEYS);
    if (section.isEmpty()) {
      return new OdooSection(null, null, OdooApi.SESSION, null);
    }
    YamlMap map = section.get();
    OdooApi api = map.get("api").flatMap(OdooSectionParser::api).orElse(OdooApi.SESSION);
    return new OdooSection(
        map.required("url").flatMap(url -> Origins.read(url, true, URL)).orElse(null),
        map.required("database").flatMap(YamlValue::nonBlankText).orElse(null),
        api,
        new Credentials(
            map.required("login").flatMap(YamlValue::nonBlankText).orElse(null),
            secret(map, api).orElse(null)));
  }

  private static Optional<OdooApi> api(YamlValue value) {
    Optional<String> api = value.text();
    if (api.isPresent() && !APIS.contains(api.get())) {
      value.problem("unknown api '" + api.get() + "': expected one of " + String.join(", ", APIS));
      return Optional.empty();
    }
    return api.map(name -> OdooApi.valueOf(name.toUpperCase(Locale.ROOT)));
  }

  private static Optional<SecretRef> secret(YamlMap map, OdooApi api) {
    String wanted = api == OdooApi.JSON2 ? "api_key" : "password";
    String other = api == OdooApi.JSON2 ? "password" : "api_key";
    map.get(other).ifPresent(value -> value.problem(api == OdooApi.JSON2
        ? "api: json2 authenticates with api_key, not password"
        : "api_key is for api: json2; with api: " + api.name().toLowerCase(Locale.ROOT)
            + " give password (it may hold an API key)"));
    return map.required(wanted).flatMap(SecretRefParser::parse);
  }
}
