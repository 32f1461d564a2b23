package dev.vigil.analysis.alert;

/** What to tell the alert's owner: it opened, it grew more severe, or it resolved. */
public record Notification(Alert alert, Type type) {
  public enum Type {
    OPENED,
    ESCALATED,
    RESOLVED
  }
}
