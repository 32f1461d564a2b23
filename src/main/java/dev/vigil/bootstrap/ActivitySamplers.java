package dev.vigil.bootstrap;

import dev.vigil.analysis.AnalysisEngine;
import dev.vigil.analysis.neighbour.PgActivitySampler;
import dev.vigil.domain.SecretRef;
import dev.vigil.journey.SecretResolver;
import dev.vigil.journey.SecretUnavailableException;
import dev.vigil.store.postgres.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The samplers of shared PostgreSQL servers ({@code activity_samplers}): each entry's URL is read
 * from its environment variable through the {@link SecretResolver}, and gets a pool of one
 * connection (10 s to connect or to wait for it; sessions read-only, statements cut at 10 s) and a
 * {@link PgActivitySampler} with a 10 s timeout per sample. An entry whose variable is unset or
 * does not hold a {@code postgresql://} URL is skipped with a warning naming the variable — never
 * the URL, which holds a password. A server that does not answer is not an error here: each failed
 * sample is logged by the analysis and the next one tries again.
 *
 * <p>{@link #open} resolves secrets (may read files): call at start-up, off the event loop.
 * {@link #close} closes the pools.
 */
final class ActivitySamplers {
  private static final Logger LOG = LoggerFactory.getLogger(ActivitySamplers.class);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Map<ActivitySamplerRef, Pool> pools;

  private ActivitySamplers(Map<ActivitySamplerRef, Pool> pools) {
    this.pools = pools;
  }

  /** A pool for every entry whose URL can be read. Blocking. */
  static ActivitySamplers open(Vertx vertx, List<ActivitySamplerRef> refs, SecretResolver resolver) {
    Map<ActivitySamplerRef, Pool> pools = new LinkedHashMap<>();
    for (ActivitySamplerRef ref : refs) {
      String url;
      try {
        url = resolver.resolve(new SecretRef.Env(ref.variable())).reveal().strip();
      } catch (SecretUnavailableException e) {
        LOG.warn("activity sampler of {} not used: {}", ref.placement(), e.getMessage());
        continue;
      }
      DatabaseUrl parsed;
      try {
        parsed = DatabaseUrl.parse(url);
      } catch (IllegalArgumentException e) {
        LOG.warn("activity sampler of {} not used: {} does not hold a postgresql://user:password@host:port/database URL",
            ref.placement(), ref.variable());
        continue;
      }
      pools.put(ref, pool(vertx, parsed.connectOptions()));
      LOG.info("sampling the database activity of {} (URL from {})", ref.placement(), ref.variable());
    }
    return new ActivitySamplers(pools);
  }

  /** Has the engine sample each server; call before the engine starts. */
  void watchFrom(AnalysisEngine engine) {
    pools.forEach((ref, pool) ->
        engine.watch(ref.labelKey(), ref.labelValue(), new PgActivitySampler(pool, TIMEOUT, InstantSource.system())));
  }

  /** The placements sampled ({@code postgres=pg-a}). */
  List<String> placements() {
    return pools.keySet().stream().map(ActivitySamplerRef::placement).toList();
  }

  Future<Void> close() {
    List<Future<Void>> closed = new ArrayList<>();
    pools.values().forEach(pool -> closed.add(pool.close()));
    return Future.join(closed).mapEmpty();
  }

  private static Pool pool(Vertx vertx, PgConnectOptions options) {
    int timeoutMs = (int) TIMEOUT.toMillis();
    PgConnectOptions readOnly = new PgConnectOptions(options)
        .addProperty("default_transaction_read_only", "on")
        .addProperty("statement_timeout", Integer.toString(timeoutMs))
        .addProperty("application_name", "vigil-activity");
    return PgBuilder.pool()
        .with(new PoolOptions().setName("vigil-activity").setMaxSize(1).setConnectionTimeout(timeoutMs)
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(new NetClientOptions().setConnectTimeout(timeoutMs))
        .connectingTo(readOnly)
        .using(vertx)
        .build();
  }
}
