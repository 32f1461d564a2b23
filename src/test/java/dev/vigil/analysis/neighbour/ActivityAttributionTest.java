package dev.vigil.analysis.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Attribution from per-database activity")
class ActivityAttributionTest {
  private static TenantHealth member(String id, boolean degraded) {
    return new TenantHealth(id, Map.of("postgres", "pg-a"), "db_" + id, degraded, degraded ? 2.0 : 1.0, Optional.empty());
  }

  private static final PlacementGroup GROUP = new PlacementGroup(Map.of("postgres", "pg-a"),
      List.of(member("n", true), member("s", true), member("e", false)));

  private static Map<String, PgCounters> counters(long n, long s, long e, long activeN, long waitsS) {
    return Map.of(
        "db_n", new PgCounters("db_n", n, n * 100, n * 10, activeN, 0),
        "db_s", new PgCounters("db_s", s, s * 100, s * 10, 1, waitsS),
        "db_e", new PgCounters("db_e", e, e * 100, e * 10, 0, 0));
  }

  @Test
  @DisplayName("counters become per-second rates; gauges are the later sample's; a reset counter counts zero")
  void deltas() {
    List<DatabaseLoad> loads = PgActivityDeltas.between(counters(1000, 500, 100, 0, 0),
        counters(21000, 700, 50, 6, 2), Duration.ofSeconds(10));
    Map<String, DatabaseLoad> byDb = Map.of(loads.get(0).database(), loads.get(0), loads.get(1).database(), loads.get(1),
        loads.get(2).database(), loads.get(2));

    assertEquals(2000.0, byDb.get("db_n").rates().get("xacts_per_s"));
    assertEquals(200_000.0, byDb.get("db_n").rates().get("tuples_per_s"));
    assertEquals(6.0, byDb.get("db_n").rates().get("active"));
    assertEquals(20.0, byDb.get("db_s").rates().get("xacts_per_s"));
    assertEquals(2.0, byDb.get("db_s").rates().get(DatabaseLoad.LOCK_WAITS));
    assertEquals(0.0, byDb.get("db_e").rates().get("xacts_per_s"), "statistics were reset");
  }

  @Test
  @DisplayName("a database missing from the earlier sample waits for its second sample")
  void newDatabase() {
    assertTrue(PgActivityDeltas.between(Map.of(), counters(1, 1, 1, 0, 0), Duration.ofSeconds(1)).isEmpty());
  }

  @Test
  @DisplayName("the database doing most of the server's work is the suspect, named by its tenant, with high confidence")
  void dominant() {
    List<DatabaseLoad> loads = PgActivityDeltas.between(counters(1000, 500, 100, 0, 0),
        counters(21000, 700, 300, 6, 2), Duration.ofSeconds(10));

    Suspicion suspicion = new ActivityAttribution(group -> Optional.of(loads)).attribute(GROUP).orElseThrow();

    assertEquals(List.of("n"), suspicion.suspects());
    assertEquals("database-activity", suspicion.source());
    assertTrue(suspicion.confidence() > 0.9, "confidence " + suspicion.confidence());
    assertEquals(2.0, suspicion.evidence().get("s.lock_waits"));
  }

  @Test
  @DisplayName("no database stands out: no suspect from activity (the probes may still say)")
  void even() {
    List<DatabaseLoad> loads = List.of(
        new DatabaseLoad("db_n", Map.of("xacts_per_s", 100.0)),
        new DatabaseLoad("db_s", Map.of("xacts_per_s", 90.0)),
        new DatabaseLoad("db_e", Map.of("xacts_per_s", 80.0)));

    assertTrue(new ActivityAttribution(group -> Optional.of(loads)).attribute(GROUP).isEmpty());
  }

  @Test
  @DisplayName("a busy database of no monitored tenant is named as a database")
  void unmonitored() {
    List<DatabaseLoad> loads = List.of(
        new DatabaseLoad("db_n", Map.of("xacts_per_s", 10.0)),
        new DatabaseLoad("legacy_erp", Map.of("xacts_per_s", 900.0)));

    assertEquals(List.of("database:legacy_erp"),
        new ActivityAttribution(group -> Optional.of(loads)).attribute(GROUP).orElseThrow().suspects());
  }
}
