package dev.vigil.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags of {@code vigil run} and {@code vigil demo}. Values stay text here: the
 * {@link dev.vigil.bootstrap.RunConfigLoader} validates them together with the environment and the
 * config file, and reports every problem at once.
 */
final class RunOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (see README, Configuration).")
  Path config;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of /metrics and /health (default 8080; 0 = any free port).")
  String httpPort;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where Vigil keeps its files (default .vigil).")
  String dataDir;

  @Option(names = "--tenants", paramLabel = "DIR", description = "Folder of tenant files (default tenants).")
  String tenants;

  @Option(names = "--journeys", paramLabel = "DIR", description = "Folder of journey files (default journeys).")
  String journeys;

  @Option(names = "--max-runs-in-flight", paramLabel = "N", description = "Global cap on runs at once (default 256).")
  String maxRunsInFlight;

  @Option(names = "--max-runs-per-tenant", paramLabel = "N", description = "Cap per tenant (default 4).")
  String maxRunsPerTenant;

  @Option(names = "--max-queued-runs", paramLabel = "N", description = "Due runs that may wait for a slot (default 10000).")
  String maxQueuedRuns;

  @Option(names = "--circuit-failures", paramLabel = "N", description = "Transport faults in a row that open a tenant's circuit (default 3).")
  String circuitFailures;

  @Option(names = "--circuit-probe-interval", paramLabel = "DURATION", description = "Probe pace of an open circuit (default 1m).")
  String circuitProbeInterval;

  @Option(names = "--shutdown-grace", paramLabel = "DURATION", description = "Time in-flight runs get on shutdown (default 30s).")
  String shutdownGrace;

  @Option(names = "--reload-interval", paramLabel = "DURATION", description = "How often files are checked for changes (default 2s).")
  String reloadInterval;

  @Option(names = "--runner-name", paramLabel = "NAME", description = "Recorded with every run (default: host name).")
  String runnerName;

  @Option(names = "--browser-path", paramLabel = "FILE", description = "Chromium for browser steps (default /usr/bin/chromium).")
  String browserPath;

  @Option(names = "--max-browser-runs", paramLabel = "N", description = "Cap on browser runs at once (default from cores and memory).")
  String maxBrowserRuns;

  @Option(names = "--retention-raw-days", paramLabel = "DAYS", description = "Days runs and steps are kept (default 30).")
  String retentionRawDays;

  @Option(names = "--retention-rollup-days", paramLabel = "DAYS", description = "Days per-minute rollups are kept (default 400).")
  String retentionRollupDays;

  @Option(names = "--max-buffered-results", paramLabel = "N",
      description = "Results kept while PostgreSQL is away; beyond, the oldest are dropped (default 1000000).")
  String maxBufferedResults;

  @Option(names = "--dashboard-origins", paramLabel = "ORIGINS",
      description = "Origins of other pages that may open the live stream, comma-separated (default: Vigil's own).")
  String dashboardOrigins;

  @Option(names = "--platform-alert-webhook", paramLabel = "[FORMAT:]VAR",
      description = "Environment variable holding the platform team's alert webhook URL; alertmanager: (default) or slack:.")
  String platformAlertWebhook;

  @Option(names = "--location", paramLabel = "LABEL", description = "Location this replica checks from (default: default).")
  String location;

  @Option(names = "--shards", paramLabel = "N", description = "Shards a location's checks are shared out in (default 128).")
  String shards;

  @Option(names = "--lease-ttl", paramLabel = "DURATION", description = "Lease time: a dead replica's checks move within it (default 15s).")
  String leaseTtl;

  @Option(names = "--activity-samplers", paramLabel = "LABEL=VALUE:VAR,...",
      description = "Shared PostgreSQL servers to sample, by placement, each with the variable holding its read-only URL.")
  String activitySamplers;

  @Option(names = "--analysis-window", paramLabel = "DURATION",
      description = "Length of the analysis' latency windows, at least 30s (default 5m; demo 1m).")
  String analysisWindow;

  Optional<Path> configFile() {
    return Optional.ofNullable(config);
  }

  /** The flags given, by option name without dashes. */
  Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    put(flags, "http-port", httpPort);
    put(flags, "data-dir", dataDir);
    put(flags, "tenants", tenants);
    put(flags, "journeys", journeys);
    put(flags, "max-runs-in-flight", maxRunsInFlight);
    put(flags, "max-runs-per-tenant", maxRunsPerTenant);
    put(flags, "max-queued-runs", maxQueuedRuns);
    put(flags, "circuit-failures", circuitFailures);
    put(flags, "circuit-probe-interval", circuitProbeInterval);
    put(flags, "shutdown-grace", shutdownGrace);
    put(flags, "reload-interval", reloadInterval);
    put(flags, "runner-name", runnerName);
    put(flags, "browser-path", browserPath);
    put(flags, "max-browser-runs", maxBrowserRuns);
    put(flags, "retention-raw-days", retentionRawDays);
    put(flags, "retention-rollup-days", retentionRollupDays);
    put(flags, "max-buffered-results", maxBufferedResults);
    put(flags, "dashboard-origins", dashboardOrigins);
    put(flags, "platform-alert-webhook", platformAlertWebhook);
    put(flags, "location", location);
    put(flags, "shards", shards);
    put(flags, "lease-ttl", leaseTtl);
    put(flags, "activity-samplers", activitySamplers);
    put(flags, "analysis-window", analysisWindow);
    return flags;
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }
}
