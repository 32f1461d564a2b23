package dev.vigil.analysis.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open alerts, kept in step with the causes that hold now ({@link #reconcile}):
 *
 * <ul>
 *   <li><b>Deduplicated</b>: one open alert per cause key; a cause that holds again is the same
 *       alert, re-notified only when its severity rises.
 *   <li><b>Correlated</b>: a tenant alert whose tenant is grouped by an open platform alert
 *       (contention, placement down, platform-wide) links to it and is not notified on its own;
 *       if the platform alert resolves first, the tenant alert is notified then.
 *   <li><b>Flapping protection</b>: an alert opens at once but resolves only after its cause has
 *       been absent for {@code quietPeriod}; a cause back within it cancels the resolve, with no
 *       notification either way.
 *   <li><b>Resolve notifications</b> for every alert whose opening was notified.
 * </ul>
 *
 * Not thread-safe: confined to the analysis' event loop.
 */
public final class AlertBook {
  private final Duration quietPeriod;
  private final String runbookBase;
  private final String idPrefix;
  private final Map<String, Entry> open = new LinkedHashMap<>();
  private long sequence;

  /** What one reconciliation changed, and whom to tell. */
  public record Changes(List<Alert> opened, List<Alert> resolved, List<Notification> notifications) {}

  private static final class Entry {
    Alert alert;
    Instant clearSince;
    boolean notified;

    Entry(Alert alert) {
      this.alert = alert;
    }
  }

  /**
   * @param runbookBase where Vigil serves runbooks, e.g. {@code http://vigil.example.com}: links are
   *     {@code <base>/runbooks/<kind>}
   * @param idPrefix distinguishes this process's alert ids
   */
  public AlertBook(Duration quietPeriod, String runbookBase, String idPrefix) {
    this.quietPeriod = quietPeriod;
    this.runbookBase = runbookBase.endsWith("/") ? runbookBase.substring(0, runbookBase.length() - 1) : runbookBase;
    this.idPrefix = idPrefix;
  }

  /** Opens, updates and (after the quiet period) resolves alerts so that they match {@code active}. */
  public Changes reconcile(Collection<Cause> active, Instant now) {
    List<String> openedKeys = new ArrayList<>();
    List<Alert> resolved = new ArrayList<>();
    List<Notification> notifications = new ArrayList<>();
    Map<String, Cause> byKey = new HashMap<>();
    active.forEach(cause -> byKey.put(cause.key(), cause));
    for (Cause cause : byKey.values()) {
      Entry entry = open.get(cause.key());
      if (entry == null) {
        entry = new Entry(new Alert(idPrefix + "-" + ++sequence, cause, runbook(cause.kind()), now,
            Optional.empty(), Optional.empty()));
        open.put(cause.key(), entry);
        openedKeys.add(cause.key());
      } else {
        boolean escalated = cause.severity().compareTo(entry.alert.severity()) > 0;
        entry.alert = new Alert(entry.alert.id(), cause, entry.alert.runbook(), entry.alert.openedAt(),
            entry.alert.parentId(), Optional.empty());
        entry.clearSince = null;
        if (escalated && entry.notified) {
          notifications.add(new Notification(entry.alert, Notification.Type.ESCALATED));
        }
      }
    }
    for (var it = open.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (byKey.containsKey(entry.alert.cause().key())) {
        continue;
      }
      if (entry.clearSince == null) {
        entry.clearSince = now;
      }
      if (!now.isBefore(entry.clearSince.plus(quietPeriod))) {
        it.remove();
        entry.alert = new Alert(entry.alert.id(), entry.alert.cause(), entry.alert.runbook(),
            entry.alert.openedAt(), entry.alert.parentId(), Optional.of(now));
        resolved.add(entry.alert);
        if (entry.notified) {
          notifications.add(new Notification(entry.alert, Notification.Type.RESOLVED));
        }
      }
    }
    correlate(notifications);
    List<Alert> opened = openedKeys.stream().map(key -> open.get(key).alert).toList();
    return new Changes(opened, resolved, notifications);
  }

  /** Links tenant alerts to the open platform alert grouping their tenant; notifies those left alone. */
  private void correlate(List<Notification> notifications) {
    for (Entry entry : open.values()) {
      if (entry.alert.kind().platform()) {
        if (!entry.notified) {
          entry.notified = true;
          notifications.add(new Notification(entry.alert, Notification.Type.OPENED));
        }
        continue;
      }
      Optional<String> parent = entry.alert.cause().tenantId().flatMap(this::platformAlertOf);
      if (!parent.equals(entry.alert.parentId())) {
        entry.alert = new Alert(entry.alert.id(), entry.alert.cause(), entry.alert.runbook(), entry.alert.openedAt(),
            parent, Optional.empty());
      }
      if (parent.isEmpty() && !entry.notified) {
        entry.notified = true;
        notifications.add(new Notification(entry.alert, Notification.Type.OPENED));
      }
    }
  }

  private Optional<String> platformAlertOf(String tenantId) {
    return open.values().stream().map(e -> e.alert)
        .filter(a -> a.kind().platform() && a.cause().tenants().contains(tenantId))
        .max((a, b) -> a.severity().compareTo(b.severity()))
        .map(Alert::id);
  }

  public List<Alert> open() {
    return open.values().stream().map(e -> e.alert).toList();
  }

  private String runbook(AlertKind kind) {
    return runbookBase + "/runbooks/" + kind.slug();
  }
}
