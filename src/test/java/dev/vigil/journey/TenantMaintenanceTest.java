package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.PING;
import static dev.vigil.journey.CatalogFiles.TENANT_HEAD;
import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.MaintenanceWindow;
import dev.vigil.domain.Tenant;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Tenant maintenance windows")
class TenantMaintenanceTest {
  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir).journey("ping.yaml", PING);
  }

  /** A valid tenant (lines 1-11) with {@code maintenance:} on line 12 and these items after it. */
  private CatalogFiles tenantWithMaintenance(String items) {
    return files.tenant("clinic.yaml",
        TENANT_HEAD + "journeys:\n  - {id: ping}\nmaintenance:\n" + items);
  }

  private Tenant loadedTenant() throws CatalogException {
    return files.load().tenant("clinic").orElseThrow();
  }

  @Test
  @DisplayName("A one-off window is read as instants, whatever offset it is written with")
  void oneOff() throws CatalogException {
    tenantWithMaintenance("""
          - {start: 2026-11-21T23:00:00+01:00, end: 2026-11-22T02:00:00Z, reason: upgrade to Odoo 18}
        """);

    assertEquals(List.of(new MaintenanceWindow.OneOff(Instant.parse("2026-11-21T22:00:00Z"),
            Instant.parse("2026-11-22T02:00:00Z"), "upgrade to Odoo 18")),
        loadedTenant().maintenance());
  }

  @Test
  @DisplayName("A recurring window is read with its days, local start and duration")
  void recurring() throws CatalogException {
    tenantWithMaintenance("""
          - {days: [sat, sun], from: "02:00", duration: 2h, reason: nightly backup}
        """);

    assertEquals(List.of(new MaintenanceWindow.Recurring(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            LocalTime.of(2, 0), Duration.ofHours(2), "nightly backup")),
        loadedTenant().maintenance());
  }

  @Test
  @DisplayName("A recurring window without days is every day, and a window without reason says maintenance")
  void defaults() throws CatalogException {
    tenantWithMaintenance("""
          - {from: 23:30, duration: 90m}
          - {start: 2026-11-21T22:00:00Z, end: 2026-11-22T02:00:00Z}
        """);

    assertEquals(List.of(
            new MaintenanceWindow.Recurring(Set.of(), LocalTime.of(23, 30), Duration.ofMinutes(90), "maintenance"),
            new MaintenanceWindow.OneOff(Instant.parse("2026-11-21T22:00:00Z"),
                Instant.parse("2026-11-22T02:00:00Z"), "maintenance")),
        loadedTenant().maintenance());
  }

  @Test
  @DisplayName("A recurring window is read in the tenant's time zone")
  void inTenantTimeZone() throws CatalogException {
    tenantWithMaintenance("""
          - {days: [sun], from: "02:00", duration: 2h}
        """);
    Tenant tenant = loadedTenant();

    assertTrue(tenant.inMaintenance(Instant.parse("2026-11-22T01:30:00Z")), "Sunday 02:30 in Brussels");
    assertFalse(tenant.inMaintenance(Instant.parse("2026-11-22T03:30:00Z")), "Sunday 04:30 in Brussels");
  }

  @Test
  @DisplayName("A tenant without maintenance has no window")
  void none() throws CatalogException {
    files.tenant("clinic.yaml", TENANT_HEAD + "journeys:\n  - {id: ping}\n");

    assertEquals(List.of(), loadedTenant().maintenance());
  }

  @Test
  @DisplayName("A window mixing the one-off and recurring shapes is refused")
  void mixedShapes() {
    tenantWithMaintenance("""
          - {start: 2026-11-21T22:00:00Z, end: 2026-11-22T02:00:00Z}
          - {start: 2026-11-21T22:00:00Z, from: "02:00", duration: 2h}
        """);

    files.onlyProblem("clinic.yaml", 14, "maintenance[1]",
        "mixes a one-off window (start, end) with a recurring one (days, from, duration)");
  }

  @Test
  @DisplayName("A window of neither shape is refused")
  void neitherShape() {
    tenantWithMaintenance("""
          - {reason: backup}
        """);

    files.onlyProblem("clinic.yaml", 13, "maintenance[0]",
        "expected a one-off window {start, end} or a recurring one {days, from, duration}");
  }

  @Test
  @DisplayName("A window that is not a map is refused")
  void notAMap() {
    tenantWithMaintenance("""
          - sundays at two
        """);

    files.onlyProblem("clinic.yaml", 13, "maintenance[0]", "expected a maintenance window");
  }

  @Test
  @DisplayName("An unknown key in a window is refused with the nearest key")
  void unknownKey() {
    tenantWithMaintenance("""
          - {from: "02:00", durration: 2h}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].durration", "did you mean 'duration'?");
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].duration", "missing required key 'duration'");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("An unknown day is refused, with the nearest day or the list of days")
  void unknownDay() {
    tenantWithMaintenance("""
          - days: [Sat, sunday]
            from: "02:00"
            duration: 2h
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].days[0]", "unknown day 'Sat': did you mean 'sat'?");
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].days[1]",
        "unknown day 'sunday': expected one of mon, tue, wed, thu, fri, sat, sun");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A day listed twice is refused")
  void dayTwice() {
    tenantWithMaintenance("""
          - {days: [sat, sun, sat], from: "02:00", duration: 2h}
        """);

    files.onlyProblem("clinic.yaml", 13, "maintenance[0].days[2]", "day 'sat' is listed twice");
  }

  @Test
  @DisplayName("An empty list of days is refused: leaving days out means every day")
  void noDays() {
    tenantWithMaintenance("""
          - {days: [], from: "02:00", duration: 2h}
        """);

    files.onlyProblem("clinic.yaml", 13, "maintenance[0].days", "list at least one day, or leave days out");
  }

  @Test
  @DisplayName("A start time that is not HH:mm on the 24-hour clock is refused")
  void badTime() {
    tenantWithMaintenance("""
          - {from: "25:00", duration: 2h}
          - {from: "2:00", duration: 2h}
          - {from: 200, duration: 2h}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].from", "'25:00' is not a time: write HH:mm");
    assertProblem(problems, "clinic.yaml", 14, "maintenance[1].from", "'2:00' is not a time: write HH:mm");
    assertProblem(problems, "clinic.yaml", 15, "maintenance[2].from",
        "expected a local time HH:mm such as \"02:00\", found a whole number");
    assertEquals(3, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A recurring window longer than 7 days, or of no duration, is refused")
  void badDuration() {
    tenantWithMaintenance("""
          - {from: "02:00", duration: 169h}
          - {from: "02:00", duration: 0s}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].duration",
        "a recurring window lasts at most 7 days (168h), found 169h");
    assertProblem(problems, "clinic.yaml", 14, "maintenance[1].duration", "a duration must be more than zero");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A recurring window of exactly 7 days is accepted")
  void sevenDays() throws CatalogException {
    tenantWithMaintenance("""
          - {from: "02:00", duration: 168h}
        """);

    assertEquals(Duration.ofDays(7),
        ((MaintenanceWindow.Recurring) loadedTenant().maintenance().get(0)).duration());
  }

  @Test
  @DisplayName("A one-off window ending before or when it starts is refused")
  void endNotAfterStart() {
    tenantWithMaintenance("""
          - {start: 2026-11-22T02:00:00Z, end: 2026-11-21T22:00:00Z}
          - {start: 2026-11-22T02:00:00Z, end: 2026-11-22T03:00:00+01:00}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].end",
        "the end must be after the start (2026-11-22T02:00:00Z)");
    assertProblem(problems, "clinic.yaml", 14, "maintenance[1].end", "the end must be after the start");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A one-off instant without an offset, or not an instant at all, is refused")
  void badInstant() {
    tenantWithMaintenance("""
          - {start: 2026-11-21T22:00:00, end: next saturday}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].start",
        "'2026-11-21T22:00:00' has no offset: add Z (UTC) or one such as +01:00");
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].end", "'next saturday' is not an instant");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A one-off window without its end, or a recurring one without its start time, is refused")
  void missingKeys() {
    tenantWithMaintenance("""
          - {start: 2026-11-21T22:00:00Z}
          - {days: [sun], duration: 2h}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 13, "maintenance[0].end", "missing required key 'end'");
    assertProblem(problems, "clinic.yaml", 14, "maintenance[1].from", "missing required key 'from'");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("An empty reason is refused")
  void emptyReason() {
    tenantWithMaintenance("""
          - {from: "02:00", duration: 2h, reason: ""}
        """);

    files.onlyProblem("clinic.yaml", 13, "maintenance[0].reason", "must not be empty");
  }

  @Test
  @DisplayName("maintenance that is not a list is refused")
  void notAList() {
    files.tenant("clinic.yaml", TENANT_HEAD + "journeys:\n  - {id: ping}\n"
        + "maintenance: {from: \"02:00\", duration: 2h}\n");

    files.onlyProblem("clinic.yaml", 12, "maintenance", "expected a list, found a map");
  }
}
