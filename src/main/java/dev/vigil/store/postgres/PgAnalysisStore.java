package dev.vigil.store.postgres;

import dev.vigil.analysis.AnalysisListener;
import dev.vigil.analysis.alert.Alert;
import dev.vigil.analysis.neighbour.Diagnosis;
import dev.vigil.analysis.neighbour.Finding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the analysis' findings and alerts in the {@code findings} and {@code alerts} tables: a row
 * when one opens, completed when it closes or resolves. Every statement is idempotent and
 * order-free — a close that overtakes its open (two connections) still leaves one closed row:
 * <ul>
 *   <li>a finding is keyed by its id: its open inserts it (or does nothing), its close upserts it
 *       with {@code closed_at};
 *   <li>an alert opening inserts a row unless one is open for its dedup key (the
 *       {@code alerts_open_once} index) or its id is already stored; resolving closes the open row
 *       of its dedup key, whichever process opened it, or stores the resolved alert if none is.
 * </ul>
 *
 * <p>Writes are asynchronous and never block the analysis (listener methods return at once, on
 * the analysis' loop). While PostgreSQL is not connected or a write fails, the events are not
 * stored: the first failure of an outage is logged, the next success says the writes are back —
 * the analysis goes on either way. Statements are bounded by the pool's timeouts.
 */
public final class PgAnalysisStore implements AnalysisListener {
  private static final Logger LOG = LoggerFactory.getLogger(PgAnalysisStore.class);

  static final String INSERT_FINDING = """
      INSERT INTO findings (finding_id, finding_key, kind, placement, suspect_tenant, suspects, victim_tenants,
                            source, window_start, window_end, confidence, evidence, created_at, closed_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14)
      ON CONFLICT (finding_id) DO""";
  static final String OPEN_FINDING = INSERT_FINDING + " NOTHING";
  static final String CLOSE_FINDING = INSERT_FINDING + " " + """
      UPDATE SET suspect_tenant = EXCLUDED.suspect_tenant, suspects = EXCLUDED.suspects,
        victim_tenants = EXCLUDED.victim_tenants, source = EXCLUDED.source, window_end = EXCLUDED.window_end,
        confidence = EXCLUDED.confidence, evidence = EXCLUDED.evidence, closed_at = EXCLUDED.closed_at""";
  static final String OPEN_ALERT = """
      INSERT INTO alerts (alert_id, dedup_key, kind, owner, tenant_id, journey_id, severity, title, detail,
                          runbook_url, opened_at, resolved_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)
      ON CONFLICT DO NOTHING""";
  static final String RESOLVE_ALERT = """
      WITH closed AS (UPDATE alerts SET resolved_at = $12 WHERE dedup_key = $2 AND resolved_at IS NULL RETURNING 1)
      INSERT INTO alerts (alert_id, dedup_key, kind, owner, tenant_id, journey_id, severity, title, detail,
                          runbook_url, opened_at, resolved_at)
      SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12 WHERE NOT EXISTS (SELECT 1 FROM closed)
      ON CONFLICT DO NOTHING""";

  private final Supplier<Optional<Pool>> pool;
  private final AtomicBoolean failing = new AtomicBoolean();

  /** @param pool the history's pool, once PostgreSQL is connected */
  public PgAnalysisStore(Supplier<Optional<Pool>> pool) {
    this.pool = pool;
  }

  @Override
  public void onFindingOpened(Finding finding) {
    write(OPEN_FINDING, finding(finding), "finding " + finding.id());
  }

  @Override
  public void onFindingClosed(Finding finding) {
    write(CLOSE_FINDING, finding(finding), "finding " + finding.id());
  }

  @Override
  public void onAlertOpened(Alert alert) {
    write(OPEN_ALERT, alert(alert), "alert " + alert.id());
  }

  @Override
  public void onAlertResolved(Alert alert) {
    write(RESOLVE_ALERT, alert(alert), "alert " + alert.id());
  }

  /** Completes once written; never fails (a failure is logged once per outage). */
  Future<Void> write(String sql, Tuple values, String what) {
    Optional<Pool> connected = pool.get();
    if (connected.isEmpty()) {
      failed(what, "PostgreSQL is not connected");
      return Future.succeededFuture();
    }
    return connected.get().preparedQuery(sql).execute(values)
        .<Void>mapEmpty()
        .onSuccess(ok -> {
          if (failing.compareAndSet(true, false)) {
            LOG.info("findings and alerts are stored again");
          }
        })
        .recover(failure -> {
          failed(what, failure.getMessage());
          return Future.succeededFuture();
        });
  }

  private void failed(String what, String why) {
    if (failing.compareAndSet(false, true)) {
      LOG.warn("could not store {} ({}); findings and alerts are not stored until PostgreSQL answers", what, why);
    }
  }

  private static Tuple finding(Finding finding) {
    Diagnosis d = finding.diagnosis();
    Instant end = finding.closedAt().orElse(finding.openedAt());
    return Tuple.from(new Object[] {
        finding.id(), d.key(), d.kind().name(), placement(d.placement()), d.suspects().stream().findFirst().orElse(null),
        d.suspects().toArray(String[]::new), d.victims().toArray(String[]::new), d.source(), Instants.micros(d.since()),
        Instants.micros(end), d.confidence(), json(d.evidence()),
        Instants.micros(finding.openedAt()), finding.closedAt().map(Instants::micros).orElse(null)});
  }

  private static Tuple alert(Alert alert) {
    JsonObject detail = new JsonObject()
        .put("labels", new JsonObject(new TreeMap<String, Object>(alert.cause().labels())))
        .put("evidence", json(alert.cause().evidence()))
        .put("tenants", new JsonArray(alert.cause().tenants().stream().sorted().toList()));
    alert.parentId().ifPresent(parent -> detail.put("parentId", parent));
    return Tuple.from(new Object[] {
        alert.id(), alert.cause().key(), alert.kind().slug(), alert.owner(), alert.cause().tenantId().orElse(null),
        alert.cause().labels().get("journey"), alert.severity().label(), alert.cause().summary(), detail,
        alert.runbook(), Instants.micros(alert.openedAt()), alert.resolvedAt().map(Instants::micros).orElse(null)});
  }

  /** Numbers by name; a number JSON cannot hold (NaN, infinite) is left out. */
  private static JsonObject json(Map<String, Double> numbers) {
    JsonObject json = new JsonObject();
    new TreeMap<>(numbers).forEach((name, value) -> {
      if (Double.isFinite(value)) {
        json.put(name, value);
      }
    });
    return json;
  }

  /** {@code odoo_pool=sandbox-16,postgres=pg-b}: the labels sorted, as the analysis names a placement. */
  private static String placement(Map<String, String> labels) {
    return String.join(",", new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
