package dev.vigil.analysis.alert;

/**
 * The causes Vigil alerts on, each with its base severity, its owner (the tenant or the platform
 * team) and a runbook at {@code /runbooks/<slug>} ({@code src/main/resources/runbooks/<slug>.md}).
 * The rules that raise them are {@link AlertRules}'.
 */
public enum AlertKind {
  /** A journey of a tenant is DOWN (a failure confirmed by a retry). */
  JOURNEY_DOWN("journey-down", Severity.URGENT, false),
  /** A journey of a tenant is sustainedly slower than its budget or baseline. */
  JOURNEY_DEGRADED("journey-degraded", Severity.ACTIONABLE, false),
  /** An SLO's error budget burns fast (the workbook's paging windows). */
  SLO_FAST_BURN("slo-fast-burn", Severity.URGENT, false),
  /** An SLO's error budget burns slowly but steadily (the workbook's ticket window). */
  SLO_SLOW_BURN("slo-slow-burn", Severity.ACTIONABLE, false),
  /** Tenants of one placement degrade together: a shared resource is contended. */
  SHARED_RESOURCE_CONTENTION("shared-resource-contention", Severity.ACTIONABLE, true),
  /** Several tenants of one placement are DOWN. */
  PLACEMENT_DOWN("placement-down", Severity.EXECUTIVE, true),
  /** Every placement degrades: the platform itself. */
  PLATFORM_WIDE("platform-wide", Severity.EXECUTIVE, true);

  private final String slug;
  private final Severity severity;
  private final boolean platform;

  AlertKind(String slug, Severity severity, boolean platform) {
    this.slug = slug;
    this.severity = severity;
    this.platform = platform;
  }

  /** The name in payloads, labels and the runbook path. */
  public String slug() {
    return slug;
  }

  public Severity severity() {
    return severity;
  }

  /** Owned by the platform team (true) or by the tenant (false). */
  public boolean platform() {
    return platform;
  }
}
