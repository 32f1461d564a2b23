package dev.vigil.domain;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Odoo database on one Odoo deployment, as monitored by Vigil.
 *
 * @param id stable identifier (file name stem), used in metrics, URLs and logs
 * @param baseUrl scheme, host and port of the Odoo server (no path)
 * @param database the Odoo database name
 * @param api the Odoo API journeys use
 * @param placement labels naming the shared resources (odoo pool, postgres server, node pool)
 * @param allowedOrigins origins besides {@code baseUrl} that HTTP and browser steps may reach
 * @param timezone IANA zone for {@code ${today}} and recurring maintenance windows
 * @param maintenance when failures are expected and must not make the tenant DOWN
 * @param sandbox for {@code vigil demo}: the sandbox Odoo to start for this tenant
 * @param alerts where the tenant's own alerts go
 * @param locations the replica locations it is checked from, each once per interval (README, "Scale-out")
 */
public record Tenant(
    String id,
    String name,
    URI baseUrl,
    String database,
    OdooApi api,
    Credentials credentials,
    Tier tier,
    Map<String, String> placement,
    List<TenantJourney> journeys,
    Set<String> allowedOrigins,
    String timezone,
    List<MaintenanceWindow> maintenance,
    Optional<SandboxHint> sandbox,
    AlertContacts alerts,
    Set<String> locations,
    SourcePos source) {

  /** The location of replicas without a {@code location} setting, and of tenants without {@code locations}. */
  public static final String DEFAULT_LOCATION = "default";

  public Tenant {
    locations = Set.copyOf(locations);
    placement = Map.copyOf(placement);
    journeys = List.copyOf(journeys);
    allowedOrigins = Set.copyOf(allowedOrigins);
    maintenance = List.copyOf(maintenance);
  }

  /** Checked from the default location only. */
  public Tenant(String id, String name, URI baseUrl, String database, OdooApi api, Credentials credentials, Tier tier,
      Map<String, String> placement, List<TenantJourney> journeys, Set<String> allowedOrigins, String timezone,
      List<MaintenanceWindow> maintenance, Optional<SandboxHint> sandbox, AlertContacts alerts, SourcePos source) {
    this(id, name, baseUrl, database, api, credentials, tier, placement, journeys, allowedOrigins, timezone,
        maintenance, sandbox, alerts, Set.of(DEFAULT_LOCATION), source);
  }

  /** Whether a maintenance window covers this instant. */
  public boolean inMaintenance(java.time.Instant at) {
    java.time.ZoneId zone = java.time.ZoneId.of(timezone);
    return maintenance.stream().anyMatch(window -> window.covers(at, zone));
  }

  /** The tenant's configuration of one journey, if it runs it. */
  public Optional<TenantJourney> journey(String journeyId) {
    return journeys.stream().filter(j -> j.journeyId().equals(journeyId)).findFirst();
  }
}
