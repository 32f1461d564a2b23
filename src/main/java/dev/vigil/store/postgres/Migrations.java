package dev.vigil.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at start: applies, in order, each {@code db/migration/V###__*.sql}
 * not yet recorded in {@code schema_migrations}, all in one transaction under an advisory lock,
 * so that replicas starting together apply each migration once and a failed migration leaves
 * nothing behind. Refuses to start when an applied migration's file has changed since.
 */
public final class Migrations {
  /** Every migration, in order. A new migration is a new file here; an applied one never changes. */
  static final List<String> FILES =
      List.of("V001__results_schema.sql", "V002__run_leases.sql", "V003__analysis_records.sql");
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** Arbitrary, but the same for every replica: the key of the migration advisory lock. */
  private static final long LOCK_KEY = 0x76_69_67_69_6c_6d_69_67L;

  private final Vertx vertx;
  private final Pool pool;

  public Migrations(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Applies what is missing; completes with the versions applied now (empty when up to date). */
  public Future<List<Integer>> apply() {
    return vertx.executeBlocking(Migrations::load, false)
        .compose(migrations -> pool.withTransaction(conn -> conn.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
            .execute()
            .compose(locked -> conn.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY,"
                + " name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())").execute())
            .compose(created -> conn.query("SELECT version, checksum FROM schema_migrations").execute())
            .compose(rows -> {
              Map<Integer, String> applied = new HashMap<>();
              for (Row row : rows) {
                applied.put(row.getInteger("version"), row.getString("checksum"));
              }
              return applyMissing(conn, migrations, applied);
            })));
  }

  private static Future<List<Integer>> applyMissing(SqlConnection conn, List<Migration> migrations,
      Map<Integer, String> applied) {
    Future<Void> chain = Future.succeededFuture();
    List<Migration> missing = migrations.stream().filter(m -> !applied.containsKey(m.version())).toList();
    for (Migration migration : migrations) {
      String checksum = applied.get(migration.version());
      if (checksum != null && !checksum.equals(migration.checksum())) {
        return Future.failedFuture(new IllegalStateException("migration " + migration.name() + " was changed after it "
            + "was applied: restore it and add a new migration instead"));
      }
    }
    for (Migration migration : missing) {
      chain = chain
          .compose(v -> conn.query(migration.sql()).execute())
          .compose(done -> conn.preparedQuery("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)")
              .execute(Tuple.of(migration.version(), migration.name(), migration.checksum())))
          .<Void>mapEmpty()
          .onSuccess(v -> LOG.info("applied migration {}", migration.name()));
    }
    return chain.map(v -> missing.stream().map(Migration::version).toList());
  }

  private static List<Migration> load() {
    return FILES.stream().map(Migration::read).toList();
  }

  /** One migration file: version from its name, checksum of its text. */
  record Migration(int version, String name, String sql, String checksum) {

    static Migration read(String name) {
      try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
        if (in == null) {
          throw new IllegalStateException("migration db/migration/" + name + " is missing from the class path");
        }
        String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
        return new Migration(version, name, sql, sha256(sql));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String sha256(String text) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
