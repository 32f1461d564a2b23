package dev.vigil.store.postgres;

import static dev.vigil.store.postgres.StoreTestSupport.await;
import static dev.vigil.store.postgres.StoreTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.alert.AlertKind;
import dev.vigil.analysis.alert.Cause;
import dev.vigil.analysis.alert.Severity;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.Finding;
import dev.vigil.analysis.neighbour.FindingKind;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
@DisplayName("The analysis' findings and alerts in PostgreSQL")
class PgAnalysisStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private Vertx vertx;
  private PostgresStore store;
  private PgAnalysisStore analysis;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = StoreTestSupport.freshStore(vertx, Retention.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    analysis = new PgAnalysisStore(() -> Optional.of(store.pool()));
  }

  @AfterEach
  void tearDown() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  private static Finding finding(String id, Optional<Instant> closedAt) {
    Diagnosis diagnosis = new Diagnosis(FindingKind.SHARED_RESOURCE_CONTENTION, "contention:odoo_pool=sandbox-16",
        Map.of("postgres", "pg-b", "odoo_pool", "sandbox-16"), List.of("hospital-group"), List.of("clinic-east"),
        NOW.minusSeconds(180), Map.of("hospital-group.load_share", 0.9, "odd", Double.NaN), 0.95, "database-activity");
    return new Finding(id, diagnosis, NOW, closedAt);
  }

  private static Alert alert(String id, Optional<Instant> resolvedAt) {
    Cause cause = new Cause(AlertKind.JOURNEY_DOWN, "journey-down:clinic-east/login", Severity.URGENT,
        Optional.of("clinic-east"), Set.of("clinic-east"), Map.of("tenant", "clinic-east", "journey", "login"),
        "clinic-east/login is DOWN", Map.of());
    return new Alert(id, cause, "/runbooks/journey-down", NOW, Optional.empty(), resolvedAt);
  }

  @Test
  @DisplayName("a finding is stored when it opens and completed when it closes; repeated writes are one row")
  void findings() throws Exception {
    analysis.onFindingOpened(finding("f-1", Optional.empty()));
    analysis.onFindingOpened(finding("f-1", Optional.empty()));
    eventually("SELECT count(*) FROM findings WHERE finding_id = 'f-1' AND closed_at IS NULL", 1);

    analysis.onFindingClosed(finding("f-1", Optional.of(NOW.plusSeconds(120))));
    eventually("SELECT count(*) FROM findings WHERE finding_id = 'f-1' AND closed_at = window_end"
        + " AND closed_at = '2026-11-21T10:02:00Z'", 1);
    Row row = await(store.pool().query("SELECT * FROM findings").execute()).iterator().next();
    assertEquals("SHARED_RESOURCE_CONTENTION", row.getString("kind"));
    assertEquals("odoo_pool=sandbox-16,postgres=pg-b", row.getString("placement"));
    assertEquals("hospital-group", row.getString("suspect_tenant"));
    assertEquals(List.of("clinic-east"), List.of(row.getArrayOfStrings("victim_tenants")));
    assertEquals("database-activity", row.getString("source"));
    assertEquals(0.9, row.getJsonObject("evidence").getDouble("hospital-group.load_share"));
    assertEquals(1, count(store, "SELECT count(*) FROM findings"));

    analysis.onFindingClosed(finding("f-2", Optional.of(NOW.plusSeconds(60))));
    analysis.onFindingOpened(finding("f-2", Optional.empty()));
    eventually("SELECT count(*) FROM findings WHERE finding_id = 'f-2' AND closed_at IS NOT NULL", 1);
  }

  @Test
  @DisplayName("an alert opens once per dedup key; resolving closes the open row of its key, or stores it resolved")
  void alerts() throws Exception {
    analysis.onAlertOpened(alert("a-1", Optional.empty()));
    eventually("SELECT count(*) FROM alerts WHERE alert_id = 'a-1' AND resolved_at IS NULL AND kind = 'journey-down'"
        + " AND owner = 'clinic-east' AND journey_id = 'login' AND severity = 'urgent'", 1);
    analysis.onAlertOpened(alert("a-9", Optional.empty()));
    analysis.onAlertOpened(alert("a-1", Optional.empty()));
    Thread.sleep(500);
    assertEquals(1, count(store, "SELECT count(*) FROM alerts"), "an open alert of the same cause is not doubled");

    analysis.onAlertResolved(alert("a-9", Optional.of(NOW.plusSeconds(600))));
    eventually("SELECT count(*) FROM alerts WHERE alert_id = 'a-1' AND resolved_at = '2026-11-21T10:10:00Z'", 1);
    assertEquals(1, count(store, "SELECT count(*) FROM alerts"));

    analysis.onAlertResolved(alert("a-2", Optional.of(NOW.plusSeconds(900))));
    eventually("SELECT count(*) FROM alerts WHERE alert_id = 'a-2' AND resolved_at IS NOT NULL", 1);
    analysis.onAlertOpened(alert("a-2", Optional.empty()));
    Thread.sleep(500);
    assertEquals(0, count(store, "SELECT count(*) FROM alerts WHERE resolved_at IS NULL"),
        "an opening that arrives after its resolution adds nothing");
  }

  @Test
  @DisplayName("without PostgreSQL the events are dropped and the listener neither throws nor blocks")
  void notConnected() throws Exception {
    PgAnalysisStore away = new PgAnalysisStore(Optional::empty);
    away.onAlertOpened(alert("a-1", Optional.empty()));
    away.onFindingOpened(finding("f-1", Optional.empty()));
    assertEquals(null, await(away.write(PgAnalysisStore.OPEN_ALERT, io.vertx.sqlclient.Tuple.tuple(), "nothing")));
  }

  private void eventually(String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long found;
    do {
      found = count(store, sql);
      if (found == expected) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertEquals(expected, found, sql);
  }
}
