package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The run configuration: reading")
class RunConfigLoaderTest {
  private static final Function<String, String> NO_ENV = name -> null;

  @TempDir Path dir;

  private Optional<Path> file(String yaml) throws IOException {
    return Optional.of(Files.writeString(dir.resolve("vigil.yaml"), yaml));
  }

  private static Function<String, String> env(Map<String, String> variables) {
    return variables::get;
  }

  private static RunConfig load(
      Optional<Path> file, Function<String, String> env, Map<String, String> flags) throws ConfigException {
    return RunConfigLoader.load(file, env, flags);
  }

  @Test
  @DisplayName("With no file, environment or flag, every setting is the default")
  void defaults() throws ConfigException {
    assertEquals(RunConfig.defaults(), load(Optional.empty(), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A config file holding only comments sets nothing")
  void commentsOnly() throws Exception {
    assertEquals(RunConfig.defaults(), load(file("# http_port: 9090\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("The config file sets every setting by its snake_case key")
  void everyKey() throws Exception {
    Optional<Path> file = file("""
        http_port: 9090
        data_dir: /var/lib/vigil
        tenants_dir: /etc/vigil/tenants
        journeys_dir: /etc/vigil/journeys
        max_runs_in_flight: 512
        max_runs_per_tenant: 2
        max_queued_runs: 500
        circuit_failures: 5
        circuit_probe_interval: 30s
        shutdown_grace: 1m
        reload_interval: 500ms
        runner_name: eu-west-1a
        browser_path: /opt/chromium/chrome
        max_browser_runs: 6
        retention_raw_days: 7
        retention_rollup_days: 90
        max_buffered_results: 5000
        location: eu-west
        shards: 64
        lease_ttl: 10s
        activity_samplers: postgres=pg-a:PG_A_MONITOR_URL, odoo_pool=pool-b:POOL_B_PG
        analysis_window: 2m
        """);

    assertEquals(new RunConfig(9090, Path.of("/var/lib/vigil"), Path.of("/etc/vigil/tenants"),
            Path.of("/etc/vigil/journeys"), 512, 2, 500, 5, Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMillis(500), "eu-west-1a", Path.of("/opt/chromium/chrome"), 6, Optional.empty(), Optional.empty(),
            7, 90, 5000, java.util.List.of(), Optional.empty(), "eu-west", 64, Duration.ofSeconds(10),
            java.util.List.of(new ActivitySamplerRef("postgres", "pg-a", "PG_A_MONITOR_URL"),
                new ActivitySamplerRef("odoo_pool", "pool-b", "POOL_B_PG")), Duration.ofMinutes(2)),
        load(file, NO_ENV, Map.of()));
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("http_port", "VIGIL_HTTP_PORT", "http-port", "9090",
            (Function<RunConfig, Object>) RunConfig::httpPort, 9090),
        Arguments.of("data_dir", "VIGIL_DATA_DIR", "data-dir", "/var/lib/vigil",
            (Function<RunConfig, Object>) RunConfig::dataDir, Path.of("/var/lib/vigil")),
        Arguments.of("tenants_dir", "VIGIL_TENANTS_DIR", "tenants", "/etc/vigil/tenants",
            (Function<RunConfig, Object>) RunConfig::tenantsDir, Path.of("/etc/vigil/tenants")),
        Arguments.of("journeys_dir", "VIGIL_JOURNEYS_DIR", "journeys", "/etc/vigil/journeys",
            (Function<RunConfig, Object>) RunConfig::journeysDir, Path.of("/etc/vigil/journeys")),
        Arguments.of("max_runs_in_flight", "VIGIL_MAX_RUNS_IN_FLIGHT", "max-runs-in-flight", "512",
            (Function<RunConfig, Object>) RunConfig::maxRunsInFlight, 512),
        Arguments.of("max_runs_per_tenant", "VIGIL_MAX_RUNS_PER_TENANT", "max-runs-per-tenant", "2",
            (Function<RunConfig, Object>) RunConfig::maxRunsPerTenant, 2),
        Arguments.of("max_queued_runs", "VIGIL_MAX_QUEUED_RUNS", "max-queued-runs", "500",
            (Function<RunConfig, Object>) RunConfig::maxQueuedRuns, 500),
        Arguments.of("circuit_failures", "VIGIL_CIRCUIT_FAILURES", "circuit-failures", "5",
            (Function<RunConfig, Object>) RunConfig::circuitFailures, 5),
        Arguments.of("circuit_probe_interval", "VIGIL_CIRCUIT_PROBE_INTERVAL", "circuit-probe-interval", "30s",
            (Function<RunConfig, Object>) RunConfig::circuitProbeInterval, Duration.ofSeconds(30)),
        Arguments.of("shutdown_grace", "VIGIL_SHUTDOWN_GRACE", "shutdown-grace", "1m",
            (Function<RunConfig, Object>) RunConfig::shutdownGrace, Duration.ofMinutes(1)),
        Arguments.of("reload_interval", "VIGIL_RELOAD_INTERVAL", "reload-interval", "500ms",
            (Function<RunConfig, Object>) RunConfig::reloadInterval, Duration.ofMillis(500)),
        Arguments.of("runner_name", "VIGIL_RUNNER_NAME", "runner-name", "eu-west-1a",
            (Function<RunConfig, Object>) RunConfig::runnerName, "eu-west-1a"),
        Arguments.of("browser_path", "VIGIL_BROWSER_PATH", "browser-path", "/opt/chromium/chrome",
            (Function<RunConfig, Object>) RunConfig::browserPath, Path.of("/opt/chromium/chrome")),
        Arguments.of("max_browser_runs", "VIGIL_MAX_BROWSER_RUNS", "max-browser-runs", "6",
            (Function<RunConfig, Object>) RunConfig::maxBrowserRuns, 6),
        Arguments.of("database_url", "VIGIL_DATABASE_URL", "database-url", "postgresql://vigil:s3cret@db:5432/vigil",
            (Function<RunConfig, Object>) c -> c.databaseUrl().map(Object::toString).orElseThrow(),
            "postgresql://vigil:****@db:5432/vigil"),
        Arguments.of("redis_url", "VIGIL_REDIS_URL", "redis-url", "redis://:s3cret@cache:6379/2",
            (Function<RunConfig, Object>) c -> c.redisUrl().map(Object::toString).orElseThrow(),
            "redis://:****@cache:6379/2"),
        Arguments.of("retention_raw_days", "VIGIL_RETENTION_RAW_DAYS", "retention-raw-days", "7",
            (Function<RunConfig, Object>) RunConfig::retentionRawDays, 7),
        Arguments.of("retention_rollup_days", "VIGIL_RETENTION_ROLLUP_DAYS", "retention-rollup-days", "90",
            (Function<RunConfig, Object>) RunConfig::retentionRollupDays, 90),
        Arguments.of("max_buffered_results", "VIGIL_MAX_BUFFERED_RESULTS", "max-buffered-results", "5000",
            (Function<RunConfig, Object>) RunConfig::maxBufferedResults, 5000),
        Arguments.of("location", "VIGIL_LOCATION", "location", "eu-west",
            (Function<RunConfig, Object>) RunConfig::location, "eu-west"),
        Arguments.of("shards", "VIGIL_SHARDS", "shards", "4096",
            (Function<RunConfig, Object>) RunConfig::shards, 4096),
        Arguments.of("lease_ttl", "VIGIL_LEASE_TTL", "lease-ttl", "3s",
            (Function<RunConfig, Object>) RunConfig::leaseTtl, Duration.ofSeconds(3)),
        Arguments.of("activity_samplers", "VIGIL_ACTIVITY_SAMPLERS", "activity-samplers", "postgres=pg-a:PG_A_URL",
            (Function<RunConfig, Object>) RunConfig::activitySamplers,
            java.util.List.of(new ActivitySamplerRef("postgres", "pg-a", "PG_A_URL"))),
        Arguments.of("analysis_window", "VIGIL_ANALYSIS_WINDOW", "analysis-window", "30s",
            (Function<RunConfig, Object>) RunConfig::analysisWindow, Duration.ofSeconds(30)));
  }

  @Test
  @DisplayName("A wrong database or Redis URL is reported without its password")
  void urlProblemsHideThePassword() {
    ConfigException problems = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> load(
        Optional.empty(), env(Map.of("VIGIL_DATABASE_URL", "mysql://vigil:s3cret@db/vigil",
            "VIGIL_REDIS_URL", "http://:s3cret@cache")), Map.of()));

    org.junit.jupiter.api.Assertions.assertTrue(problems.getMessage().contains("VIGIL_DATABASE_URL"), problems.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(problems.getMessage().contains("VIGIL_REDIS_URL"), problems.getMessage());
    org.junit.jupiter.api.Assertions.assertFalse(problems.getMessage().contains("s3cret"), problems.getMessage());
  }

  @ParameterizedTest(name = "{0}, {1}, --{2}")
  @MethodSource("names")
  @DisplayName("Each setting is read from its file key, its environment variable and its flag")
  void names(String key, String envVar, String flag, String text, Function<RunConfig, Object> component,
      Object expected) throws Exception {
    assertEquals(expected, component.apply(load(file(key + ": " + text + "\n"), NO_ENV, Map.of())), "file");
    assertEquals(expected, component.apply(load(Optional.empty(), env(Map.of(envVar, text)), Map.of())), "env");
    assertEquals(expected, component.apply(load(Optional.empty(), NO_ENV, Map.of(flag, text))), "flag");
  }

  @Test
  @DisplayName("vigil demo's defaults differ only in a 1-minute analysis window, which any source still overrides")
  void demoDefaults() throws Exception {
    RunConfig demo = RunConfigLoader.load(Optional.empty(), NO_ENV, Map.of(), RunConfig.demoDefaults());
    assertEquals(Duration.ofMinutes(1), demo.analysisWindow());
    assertEquals(RunConfig.defaults(), demo.withAnalysis(java.util.List.of(), Duration.ofMinutes(5)));
    assertEquals(Duration.ofMinutes(3), RunConfigLoader.load(Optional.empty(),
        env(Map.of("VIGIL_ANALYSIS_WINDOW", "3m")), Map.of(), RunConfig.demoDefaults()).analysisWindow());
  }

  @Test
  @DisplayName("A flag beats the environment, which beats the file, which beats the default")
  void precedence() throws Exception {
    Optional<Path> file = file("http_port: 1111\nrunner_name: from-file\nmax_queued_runs: 7\n");
    Function<String, String> env = env(Map.of("VIGIL_HTTP_PORT", "2222", "VIGIL_RUNNER_NAME", "from-env"));

    RunConfig all = load(file, env, Map.of("http-port", "3333"));
    assertEquals(3333, all.httpPort());
    assertEquals("from-env", all.runnerName());
    assertEquals(7, all.maxQueuedRuns());
    assertEquals(RunConfig.defaults().shutdownGrace(), all.shutdownGrace());

    assertEquals(2222, load(file, env, Map.of()).httpPort());
    assertEquals(1111, load(file, NO_ENV, Map.of()).httpPort());
  }

  @Test
  @DisplayName("Relative paths in the file are read from the file's folder, those of the environment and flags from the working directory")
  void relativePaths() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("vigil.yaml"), "tenants_dir: tenants\ndata_dir: /var/lib/vigil\n");

    RunConfig config = load(Optional.of(conf.resolve("vigil.yaml")),
        env(Map.of("VIGIL_JOURNEYS_DIR", "journeys")), Map.of("data-dir", "state"));

    assertEquals(conf.resolve("tenants"), config.tenantsDir());
    assertEquals(Path.of("journeys"), config.journeysDir());
    assertEquals(Path.of("state"), config.dataDir());
  }

  @Test
  @DisplayName("An environment variable set to nothing counts as unset")
  void emptyEnvironmentVariable() throws ConfigException {
    assertEquals(8080, load(Optional.empty(), env(Map.of("VIGIL_HTTP_PORT", "")), Map.of()).httpPort());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "65535"})
  @DisplayName("Port 0 (a free one) and port 65535 are accepted")
  void portBounds(String port) throws ConfigException {
    assertEquals(Integer.parseInt(port), load(Optional.empty(), NO_ENV, Map.of("http-port", port)).httpPort());
  }

  @Test
  @DisplayName("max_runs_per_tenant may equal max_runs_in_flight")
  void perTenantEqualsInFlight() throws ConfigException {
    RunConfig config = load(Optional.empty(), NO_ENV, Map.of("max-runs-in-flight", "3", "max-runs-per-tenant", "3"));

    assertEquals(3, config.maxRunsPerTenant());
  }
}
