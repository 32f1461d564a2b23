package dev.vigil.bootstrap;

import dev.vigil.journey.Durations;
import dev.vigil.schedule.ownership.Shards;
import dev.vigil.store.postgres.DatabaseUrl;
import dev.vigil.store.redis.RedisUrl;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One setting of {@link RunConfig}: its key in the config file, its command-line flag (without
 * dashes), how its text is read, and its default. Its environment variable is {@code VIGIL_} and
 * the key in upper case. Values are read the same way whichever source gives them.
 */
record Setting<T>(String key, String flag, Reader<T> reader, Function<RunConfig, T> defaultValue) {

  /** Reads the text of a value. */
  @FunctionalInterface
  interface Reader<T> {
    /**
     * @param base the folder relative paths are resolved against
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    T read(String text, Path base);
  }

  static final Setting<Integer> HTTP_PORT =
      new Setting<>("http_port", "http-port", Setting::port, RunConfig::httpPort);
  static final Setting<Path> DATA_DIR =
      new Setting<>("data_dir", "data-dir", Setting::path, RunConfig::dataDir);
  static final Setting<Path> TENANTS_DIR =
      new Setting<>("tenants_dir", "tenants", Setting::path, RunConfig::tenantsDir);
  static final Setting<Path> JOURNEYS_DIR =
      new Setting<>("journeys_dir", "journeys", Setting::path, RunConfig::journeysDir);
  static final Setting<Integer> MAX_RUNS_IN_FLIGHT = new Setting<>(
      "max_runs_in_flight", "max-runs-in-flight", Setting::count, RunConfig::maxRunsInFlight);
  static final Setting<Integer> MAX_RUNS_PER_TENANT = new Setting<>(
      "max_runs_per_tenant", "max-runs-per-tenant", Setting::count, RunConfig::maxRunsPerTenant);
  static final Setting<Integer> MAX_QUEUED_RUNS = new Setting<>(
      "max_queued_runs", "max-queued-runs", Setting::count, RunConfig::maxQueuedRuns);
  static final Setting<Integer> CIRCUIT_FAILURES = new Setting<>(
      "circuit_failures", "circuit-failures", Setting::count, RunConfig::circuitFailures);
  static final Setting<Duration> CIRCUIT_PROBE_INTERVAL = new Setting<>("circuit_probe_interval",
      "circuit-probe-interval", Setting::duration, RunConfig::circuitProbeInterval);
  static final Setting<Duration> SHUTDOWN_GRACE = new Setting<>(
      "shutdown_grace", "shutdown-grace", Setting::duration, RunConfig::shutdownGrace);
  static final Setting<Duration> RELOAD_INTERVAL = new Setting<>(
      "reload_interval", "reload-interval", Setting::duration, RunConfig::reloadInterval);
  static final Setting<String> RUNNER_NAME =
      new Setting<>("runner_name", "runner-name", Setting::name, RunConfig::runnerName);
  static final Setting<Path> BROWSER_PATH =
      new Setting<>("browser_path", "browser-path", Setting::path, RunConfig::browserPath);
  static final Setting<Integer> MAX_BROWSER_RUNS = new Setting<>(
      "max_browser_runs", "max-browser-runs", Setting::count, RunConfig::maxBrowserRuns);

  static final Setting<Optional<DatabaseUrl>> DATABASE_URL = new Setting<>(
      "database_url", "database-url", (text, base) -> Optional.of(DatabaseUrl.parse(text.strip())), RunConfig::databaseUrl);
  static final Setting<Optional<RedisUrl>> REDIS_URL = new Setting<>(
      "redis_url", "redis-url", (text, base) -> Optional.of(RedisUrl.parse(text.strip())), RunConfig::redisUrl);
  static final Setting<Integer> RETENTION_RAW_DAYS = new Setting<>(
      "retention_raw_days", "retention-raw-days", Setting::count, RunConfig::retentionRawDays);
  static final Setting<Integer> RETENTION_ROLLUP_DAYS = new Setting<>(
      "retention_rollup_days", "retention-rollup-days", Setting::count, RunConfig::retentionRollupDays);
  static final Setting<Integer> MAX_BUFFERED_RESULTS = new Setting<>(
      "max_buffered_results", "max-buffered-results", Setting::count, RunConfig::maxBufferedResults);

  static final Setting<List<String>> DASHBOARD_ORIGINS = new Setting<>(
      "dashboard_origins", "dashboard-origins", Setting::origins, RunConfig::dashboardOrigins);

  static final Setting<Optional<PlatformWebhook>> PLATFORM_ALERT_WEBHOOK = new Setting<>("platform_alert_webhook",
      "platform-alert-webhook", (text, base) -> Optional.of(PlatformWebhook.parse(text)), RunConfig::platformAlertWebhook);
  static final Setting<String> LOCATION =
      new Setting<>("location", "location", Setting::label, RunConfig::location);
  static final Setting<Integer> SHARDS =
      new Setting<>("shards", "shards", Setting::shardCount, RunConfig::shards);
  static final Setting<Duration> LEASE_TTL =
      new Setting<>("lease_ttl", "lease-ttl", Setting::leaseTtl, RunConfig::leaseTtl);

  static final Setting<List<ActivitySamplerRef>> ACTIVITY_SAMPLERS = new Setting<>("activity_samplers",
      "activity-samplers", (text, base) -> ActivitySamplerRef.parseAll(text), RunConfig::activitySamplers);
  static final Setting<Duration> ANALYSIS_WINDOW =
      new Setting<>("analysis_window", "analysis-window", Setting::analysisWindow, RunConfig::analysisWindow);

  /** Every setting, in the order of {@link RunConfig}'s components. */
  static final List<Setting<?>> ALL = List.of(HTTP_PORT, DATA_DIR, TENANTS_DIR, JOURNEYS_DIR,
      MAX_RUNS_IN_FLIGHT, MAX_RUNS_PER_TENANT, MAX_QUEUED_RUNS, CIRCUIT_FAILURES,
      CIRCUIT_PROBE_INTERVAL, SHUTDOWN_GRACE, RELOAD_INTERVAL, RUNNER_NAME, BROWSER_PATH,
      MAX_BROWSER_RUNS, DATABASE_URL, REDIS_URL, RETENTION_RAW_DAYS, RETENTION_ROLLUP_DAYS,
      MAX_BUFFERED_RESULTS, DASHBOARD_ORIGINS, PLATFORM_ALERT_WEBHOOK, LOCATION, SHARDS, LEASE_TTL,
      ACTIVITY_SAMPLERS, ANALYSIS_WINDOW);

  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Duration MIN_LEASE_TTL = Duration.ofSeconds(3);
  private static final Duration MIN_ANALYSIS_WINDOW = Duration.ofSeconds(30);
  private static final int MAX_PORT = 65_535;

  String envVar() {
    return "VIGIL_" + key.toUpperCase(Locale.ROOT);
  }

  private static int port(String text, Path base) {
    String digits = text.strip();
    if (!DIGITS.matcher(digits).matches() || digits.length() > 5
        || Integer.parseInt(digits) > MAX_PORT) {
      throw new IllegalArgumentException("'" + text + "' is not a port: expected a whole number"
          + " from 0 to " + MAX_PORT + " (0 picks a free one)");
    }
    return Integer.parseInt(digits);
  }

  private static int count(String text, Path base) {
    String digits = text.strip();
    if (!DIGITS.matcher(digits).matches()) {
      throw new IllegalArgumentException("expected a whole number above 0, found '" + text + "'");
    }
    int count;
    try {
      count = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is too large: at most " + Integer.MAX_VALUE);
    }
    if (count == 0) {
      throw new IllegalArgumentException("expected a whole number above 0, found '" + text + "'");
    }
    return count;
  }

  private static Duration duration(String text, Path base) {
    Duration duration = Durations.parse(text);
    if (duration.isZero()) {
      throw new IllegalArgumentException("a duration must be more than zero, found " + text);
    }
    return duration;
  }

  private static String label(String text, Path base) {
    String label = text.strip();
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a location: lowercase letters, digits and '-',"
          + " starting with a letter or digit, e.g. eu-west");
    }
    return label;
  }

  private static int shardCount(String text, Path base) {
    int count = count(text, base);
    if (count > Shards.MAX_COUNT) {
      throw new IllegalArgumentException(count + " shards is too many: at most " + Shards.MAX_COUNT);
    }
    return count;
  }

  private static Duration leaseTtl(String text, Path base) {
    Duration ttl = duration(text, base);
    if (ttl.compareTo(MIN_LEASE_TTL) < 0) {
      throw new IllegalArgumentException("a lease must last at least " + MIN_LEASE_TTL.toSeconds()
          + "s (renewals take up to 2s when Redis is slow), found " + text);
    }
    return ttl;
  }

  private static Duration analysisWindow(String text, Path base) {
    Duration window = duration(text, base);
    if (window.compareTo(MIN_ANALYSIS_WINDOW) < 0) {
      throw new IllegalArgumentException("an analysis window must last at least " + MIN_ANALYSIS_WINDOW.toSeconds()
          + "s (each window needs runs of every journey), found " + text);
    }
    return window;
  }

  private static Path path(String text, Path base) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("expected a folder, found nothing");
    }
    try {
      return base.resolve(Path.of(text.strip()));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + text + "' is not a path: " + e.getReason());
    }
  }

  /** Comma-separated origins, each {@code http(s)://host[:port]} without a path. */
  private static List<String> origins(String text, Path base) {
    List<String> origins = java.util.Arrays.stream(text.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    for (String origin : origins) {
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException("'" + origin + "' is not an origin: expected scheme://host[:port] such as"
            + " https://vigil.example.com, comma-separated");
      }
    }
    return origins;
  }

  private static String name(String text, Path base) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text.strip();
  }
}
