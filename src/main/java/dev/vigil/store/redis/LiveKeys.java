package dev.vigil.store.redis;

/**
 * The Redis keys of the live state. Tenant and journey ids are lowercase letters, digits and
 * {@code -}, so {@code :} separates them unambiguously.
 */
final class LiveKeys {
  /** Set of the tenants that have live state. */
  static final String TENANTS = "vigil:tenants";

  private LiveKeys() {}

  /** List of a tenant × journey's recent runs (ResultJson), newest first. */
  static String runs(String tenantId, String journeyId) {
    return "vigil:runs:" + tenantId + ":" + journeyId;
  }

  /** Hash of a tenant's latest run per journey: journey id → ResultJson of the run. */
  static String latestRuns(String tenantId) {
    return "vigil:latest-run:" + tenantId;
  }

  /** Hash of a tenant's current status per journey: journey id → ResultJson of the status change. */
  static String statuses(String tenantId) {
    return "vigil:status:" + tenantId;
  }
}
