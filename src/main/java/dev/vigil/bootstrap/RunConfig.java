package dev.vigil.bootstrap;

import dev.vigil.domain.Tenant;
import dev.vigil.engine.browser.BrowserSettings;
import dev.vigil.schedule.ownership.Shards;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.postgres.Retention;
import dev.vigil.store.redis.RedisUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How {@code vigil run} and {@code vigil demo} run. Each setting comes from, in order of
 * precedence: a command-line flag, an environment variable {@code VIGIL_<NAME>}, the config file
 * ({@code --config vigil.yaml}, key {@code <name>}), the default. See README, "Configuration".
 *
 * @param httpPort port of the HTTP server (metrics, health); 0 picks a free one
 * @param dataDir where Vigil keeps its files: the embedded PostgreSQL and Redis, results waiting
 *     for the history store, browser screenshots
 * @param maxRunsInFlight global cap on runs executing at once
 * @param maxRunsPerTenant cap per tenant: a hung tenant holds at most this many slots
 * @param maxQueuedRuns due runs waiting for a global slot; beyond it they are skipped and counted
 * @param circuitFailures consecutive transport faults (connection, timeout) that open a tenant's circuit
 * @param circuitProbeInterval how often a tenant with an open circuit is probed
 * @param shutdownGrace how long in-flight runs may take to finish (teardown included) on shutdown
 * @param reloadInterval how often tenant and journey files are checked for changes
 * @param runnerName recorded with every run (defaults to the host name)
 * @param browserPath the Chromium that browser steps drive (Debian's {@code /usr/bin/chromium})
 * @param maxBrowserRuns cap on browser runs at once, within {@code maxRunsInFlight} (default from
 *     the machine's cores and memory)
 * @param databaseUrl the PostgreSQL history ({@code postgresql://user:password@host:port/db});
 *     empty starts an embedded PostgreSQL in {@code dataDir}
 * @param redisUrl the Redis of live state ({@code redis://[:password@]host:port[/db]}); empty
 *     starts an embedded Redis in {@code dataDir}
 * @param retentionRawDays days runs and steps are kept
 * @param retentionRollupDays days per-minute rollups are kept
 * @param maxBufferedResults results kept at most while the history store is away; beyond it the
 *     oldest are dropped and counted
 * @param dashboardOrigins origins ({@code https://vigil.example.com}) of web pages besides Vigil's own
 *     that may open the live stream; empty: {@code http://127.0.0.1:<port>} and {@code http://localhost:<port>}
 * @param platformAlertWebhook where the platform team's alerts are pushed; empty: nowhere (they are
 *     still kept and streamed)
 * @param location the location this replica checks from: it runs the tenants checked from there
 * @param shards how many shards a location's checks are shared out in (the same on all its replicas)
 * @param leaseTtl how long a replica's lease on a shard lasts without renewal: a dead replica's
 *     checks are taken over within about this
 * @param activitySamplers shared PostgreSQL servers whose per-database activity is sampled, by the
 *     placement they serve (noisy-neighbour suspects then come from the server itself)
 * @param analysisWindow length of the analysis' latency windows (degradations open after 3 bad
 *     windows of 4, so about three windows after a slowdown begins)
 */
public record RunConfig(
    int httpPort,
    Path dataDir,
    Path tenantsDir,
    Path journeysDir,
    int maxRunsInFlight,
    int maxRunsPerTenant,
    int maxQueuedRuns,
    int circuitFailures,
    Duration circuitProbeInterval,
    Duration shutdownGrace,
    Duration reloadInterval,
    String runnerName,
    Path browserPath,
    int maxBrowserRuns,
    Optional<DatabaseUrl> databaseUrl,
    Optional<RedisUrl> redisUrl,
    int retentionRawDays,
    int retentionRollupDays,
    int maxBufferedResults,
    List<String> dashboardOrigins,
    Optional<PlatformWebhook> platformAlertWebhook,
    String location,
    int shards,
    Duration leaseTtl,
    List<ActivitySamplerRef> activitySamplers,
    Duration analysisWindow) {

  /** A dead replica's checks move to the others within about this. */
  static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(15);
  /** A window holds several runs of every journey (intervals are a few minutes at most). */
  static final Duration DEFAULT_ANALYSIS_WINDOW = Duration.ofMinutes(5);
  /** {@code vigil demo}'s: its journeys run every 30 s to 2 min, and a finding should show within minutes. */
  static final Duration DEMO_ANALYSIS_WINDOW = Duration.ofMinutes(1);

  public RunConfig {
    dashboardOrigins = List.copyOf(dashboardOrigins);
    activitySamplers = List.copyOf(activitySamplers);
  }

  /**
   * Without dashboard origins (the loopback defaults), platform alert webhook, location, activity
   * samplers or analysis settings (the defaults).
   */
  public RunConfig(int httpPort, Path dataDir, Path tenantsDir, Path journeysDir, int maxRunsInFlight,
      int maxRunsPerTenant, int maxQueuedRuns, int circuitFailures, Duration circuitProbeInterval,
      Duration shutdownGrace, Duration reloadInterval, String runnerName, Path browserPath, int maxBrowserRuns,
      Optional<DatabaseUrl> databaseUrl, Optional<RedisUrl> redisUrl, int retentionRawDays, int retentionRollupDays,
      int maxBufferedResults) {
    this(httpPort, dataDir, tenantsDir, journeysDir, maxRunsInFlight, maxRunsPerTenant, maxQueuedRuns, circuitFailures,
        circuitProbeInterval, shutdownGrace, reloadInterval, runnerName, browserPath, maxBrowserRuns, databaseUrl,
        redisUrl, retentionRawDays, retentionRollupDays, maxBufferedResults, List.of(), Optional.empty(),
        Tenant.DEFAULT_LOCATION, Shards.DEFAULT_COUNT, DEFAULT_LEASE_TTL, List.of(), DEFAULT_ANALYSIS_WINDOW);
  }

  /** This configuration with other activity samplers and analysis window. */
  public RunConfig withAnalysis(List<ActivitySamplerRef> samplers, Duration window) {
    return new RunConfig(httpPort, dataDir, tenantsDir, journeysDir, maxRunsInFlight, maxRunsPerTenant, maxQueuedRuns,
        circuitFailures, circuitProbeInterval, shutdownGrace, reloadInterval, runnerName, browserPath, maxBrowserRuns,
        databaseUrl, redisUrl, retentionRawDays, retentionRollupDays, maxBufferedResults, dashboardOrigins,
        platformAlertWebhook, location, shards, leaseTtl, samplers, window);
  }

  /** The defaults, before file, environment and flags. */
  public static RunConfig defaults() {
    return new RunConfig(
        8080,
        Path.of(".vigil"),
        Path.of("tenants"),
        Path.of("journeys"),
        256,
        4,
        10_000,
        3,
        Duration.ofMinutes(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        hostName(),
        BrowserSettings.DEBIAN_CHROMIUM,
        BrowserSettings.defaultMaxRuns(),
        Optional.empty(),
        Optional.empty(),
        Retention.DEFAULT.rawDays(),
        Retention.DEFAULT.rollupDays(),
        1_000_000,
        List.of(),
        Optional.empty(),
        Tenant.DEFAULT_LOCATION,
        Shards.DEFAULT_COUNT,
        DEFAULT_LEASE_TTL,
        List.of(),
        DEFAULT_ANALYSIS_WINDOW);
  }

  /** {@code vigil demo}'s defaults: those of {@code run} with {@link #DEMO_ANALYSIS_WINDOW}. */
  public static RunConfig demoDefaults() {
    RunConfig defaults = defaults();
    return defaults.withAnalysis(defaults.activitySamplers(), DEMO_ANALYSIS_WINDOW);
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "vigil";
    }
  }
}
