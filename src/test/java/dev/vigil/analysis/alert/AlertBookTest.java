package dev.vigil.analysis.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Alert book: dedup, correlation, flapping protection, resolve notifications")
class AlertBookTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private final AlertBook book = new AlertBook(Duration.ofMinutes(5), "http://vigil.test/", "a");

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static List<Notification.Type> types(AlertBook.Changes changes) {
    return changes.notifications().stream().map(Notification::type).toList();
  }

  private static Cause placementDown(String... tenants) {
    return AlertRules.placementsDown(
        Map.of("n", Map.of("postgres", "pg-a"), "s", Map.of("postgres", "pg-a"), "w", Map.of("postgres", "pg-c")),
        List.of(tenants)).get(0);
  }

  @Test
  @DisplayName("the same cause twice is one alert, notified once, with its runbook link")
  void dedup() {
    Cause down = AlertRules.journeyDown("n", "login", "connection refused");
    AlertBook.Changes first = book.reconcile(List.of(down), at(0));
    AlertBook.Changes second = book.reconcile(List.of(down, down), at(1));

    assertEquals(1, first.opened().size());
    assertEquals(List.of(Notification.Type.OPENED), types(first));
    assertTrue(second.opened().isEmpty() && second.notifications().isEmpty());
    assertEquals(1, book.open().size());
    Alert alert = book.open().get(0);
    assertEquals(Severity.URGENT, alert.severity());
    assertEquals("n", alert.owner());
    assertEquals("http://vigil.test/runbooks/journey-down", alert.runbook());
  }

  @Test
  @DisplayName("a cause gone resolves only after the quiet period; back within it, nothing is notified")
  void flapping() {
    Cause down = AlertRules.journeyDown("n", "login", "boom");
    book.reconcile(List.of(down), at(0));

    assertTrue(book.reconcile(List.of(), at(1)).notifications().isEmpty(), "gone for a minute: still open");
    assertTrue(book.reconcile(List.of(down), at(2)).notifications().isEmpty(), "back: same alert, no page");
    assertTrue(book.reconcile(List.of(), at(3)).notifications().isEmpty());
    assertTrue(book.reconcile(List.of(), at(7)).notifications().isEmpty(), "4 minutes quiet is not 5");
    AlertBook.Changes resolved = book.reconcile(List.of(), at(8));

    assertEquals(List.of(Notification.Type.RESOLVED), types(resolved));
    assertEquals(Optional.of(at(8)), resolved.resolved().get(0).resolvedAt());
    assertTrue(book.open().isEmpty());
  }

  @Test
  @DisplayName("when a placement falls over, one executive platform alert groups its tenants; theirs link to it and are not paged")
  void correlation() {
    Cause north = AlertRules.journeyDown("n", "login", "boom");
    Cause south = AlertRules.journeyDown("s", "login", "boom");
    AlertBook.Changes changes = book.reconcile(List.of(north, south, placementDown("n", "s")), at(0));

    assertEquals(List.of(Notification.Type.OPENED), types(changes));
    Alert platform = changes.notifications().get(0).alert();
    assertEquals(AlertKind.PLACEMENT_DOWN, platform.kind());
    assertEquals(Severity.EXECUTIVE, platform.severity());
    assertEquals("platform", platform.owner());
    assertEquals(Set.of("n", "s"), platform.cause().tenants());
    assertTrue(book.open().stream().filter(a -> !a.kind().platform())
        .allMatch(a -> a.parentId().equals(Optional.of(platform.id()))));
  }

  @Test
  @DisplayName("a tenant alert still open when its platform alert resolves is notified then, on its own; a correlated one gone meanwhile stays silent")
  void parentResolvesFirst() {
    Cause north = AlertRules.journeyDown("n", "login", "boom");
    Cause south = AlertRules.journeyDown("s", "login", "boom");
    book.reconcile(List.of(north, south, placementDown("n", "s")), at(0));
    book.reconcile(List.of(north), at(1));

    AlertBook.Changes later = book.reconcile(List.of(north), at(6));

    // the platform alert resolves; s's alert, never paged on its own, resolves silently; n's is paged now
    assertEquals(List.of(Notification.Type.RESOLVED, Notification.Type.OPENED), types(later));
    assertEquals(AlertKind.PLACEMENT_DOWN, later.notifications().get(0).alert().kind());
    assertEquals(2, later.resolved().size());
    Alert alone = later.notifications().stream().filter(n -> n.type() == Notification.Type.OPENED).findFirst()
        .orElseThrow().alert();
    assertEquals("n", alone.owner());
    assertTrue(alone.parentId().isEmpty());
  }

  @Test
  @DisplayName("a cause that grows more severe is the same alert, notified again as escalated")
  void escalation() {
    Cause actionable = new Cause(AlertKind.SHARED_RESOURCE_CONTENTION, "contention:postgres=pg-a", Severity.ACTIONABLE,
        Optional.empty(), Set.of("n", "s"), Map.of("postgres", "pg-a"), "contention", Map.of());
    Cause executive = new Cause(AlertKind.SHARED_RESOURCE_CONTENTION, "contention:postgres=pg-a", Severity.EXECUTIVE,
        Optional.empty(), Set.of("n", "s"), Map.of("postgres", "pg-a"), "contention, 2 down", Map.of());
    book.reconcile(List.of(actionable), at(0));

    AlertBook.Changes changes = book.reconcile(List.of(executive), at(1));

    assertEquals(List.of(Notification.Type.ESCALATED), types(changes));
    assertEquals(Severity.EXECUTIVE, book.open().get(0).severity());
  }
}
