package dev.vigil.cli;

import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * An Odoo target given on the command line instead of a tenant file ({@code --base-url --db
 * --login --password-env}), e.g. a staging server. The password is read from an environment
 * variable or a file, never from the command line (it would show in the process list).
 */
final class AdHocTarget {

  @Option(names = "--base-url", paramLabel = "URL", description = "Odoo base URL, e.g. https://staging.example.com")
  URI baseUrl;

  @Option(names = "--db", paramLabel = "DB", description = "Odoo database name.")
  String database;

  @Option(names = "--login", paramLabel = "LOGIN", defaultValue = "admin", description = "Odoo login (default: ${DEFAULT-VALUE}).")
  String login;

  @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password (or API key for --api json2).")
  String passwordEnv;

  @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password (or API key).")
  String passwordFile;

  @Option(names = "--api", paramLabel = "API", defaultValue = "session",
      description = "Odoo API: session, jsonrpc or json2 (default: ${DEFAULT-VALUE}).")
  String api;

  /** What is wrong with the given options; empty when they make a target. */
  List<String> problems() {
    List<String> problems = new java.util.ArrayList<>();
    if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().matches("https?") || baseUrl.getHost() == null) {
      problems.add("--base-url must be an http(s) URL such as https://odoo.example.com");
    }
    if (database == null || database.isBlank()) {
      problems.add("--db is required with --base-url");
    }
    if ((passwordEnv == null) == (passwordFile == null)) {
      problems.add("give exactly one of --password-env VAR or --password-file FILE");
    }
    if (apiValue().isEmpty()) {
      problems.add("--api must be session, jsonrpc or json2, not '" + api + "'");
    }
    return problems;
  }

  private Optional<OdooApi> apiValue() {
    return java.util.Arrays.stream(OdooApi.values()).filter(a -> a.name().equalsIgnoreCase(api)).findFirst();
  }

  Tenant toTenant(String journeyId) {
    SecretRef secret = passwordEnv != null ? new SecretRef.Env(passwordEnv) : new SecretRef.File(passwordFile);
    return tenant(baseUrl, database, apiValue().orElseThrow(), new Credentials(login, secret), journeyId);
  }

  static Tenant tenant(URI baseUrl, String database, OdooApi api, Credentials credentials, String journeyId) {
    return new Tenant(
        "cli-target",
        baseUrl.getHost() + "/" + database,
        baseUrl,
        database,
        api,
        credentials,
        Tier.DEDICATED,
        Map.of(),
        List.of(new TenantJourney(journeyId, Duration.ofMinutes(1), Map.of(), Optional.empty())),
        Set.of(),
        "UTC",
        List.of(),
        Optional.empty(),
        AlertContacts.NONE,
        SourcePos.none("command line"));
  }
}
