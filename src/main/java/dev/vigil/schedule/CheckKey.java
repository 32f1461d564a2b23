package dev.vigil.schedule;

/** One scheduled check: a tenant × journey. */
public record CheckKey(String tenantId, String journeyId) {
  @Override
  public String toString() {
    return tenantId + "/" + journeyId;
  }
}
