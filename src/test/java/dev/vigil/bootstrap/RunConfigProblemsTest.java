package dev.vigil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The run configuration: problems")
class RunConfigProblemsTest {
  private static final Function<String, String> NO_ENV = name -> null;
  private static final String WHY = ": one tenant cannot hold more run slots than there are in all";

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

  /** The problems of a refused configuration, with the temporary folder left out of file names. */
  private List<String> problems(Optional<Path> file, Function<String, String> env, Map<String, String> flags) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(file, env, flags),
        "the configuration should be refused");
    Path folder = dir.toAbsolutePath().normalize();
    Path workingDir = Path.of("").toAbsolutePath();
    String shown = folder.startsWith(workingDir) ? workingDir.relativize(folder).toString() : folder.toString();
    return e.problems().stream().map(problem -> problem.replace(shown + "/", "")).toList();
  }

  @Test
  @DisplayName("A wrong value in the file is reported with file, line, column and key")
  void fileValue() throws Exception {
    assertEquals(List.of("vigil.yaml:2:21: max_runs_in_flight: expected a whole number above 0, found 'lots'"),
        problems(file("http_port: 9090\nmax_runs_in_flight: lots\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A wrong environment variable is reported with its name")
  void envValue() {
    assertEquals(List.of("environment VIGIL_HTTP_PORT: 'abc' is not a port: expected a whole number from 0"
            + " to 65535 (0 picks a free one)"),
        problems(Optional.empty(), env(Map.of("VIGIL_HTTP_PORT", "abc")), Map.of()));
  }

  @Test
  @DisplayName("A wrong flag is reported with its option name")
  void flagValue() {
    assertEquals(List.of("--max-runs-per-tenant: expected a whole number above 0, found '0'"),
        problems(Optional.empty(), NO_ENV, Map.of("max-runs-per-tenant", "0")));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"65536", "-1", "80.5", "http", " "})
  @DisplayName("A port outside 0..65535 or not a whole number is refused")
  void badPort(String port) {
    assertEquals(List.of("--http-port: '" + port + "' is not a port: expected a whole number from 0 to 65535"
            + " (0 picks a free one)"),
        problems(Optional.empty(), NO_ENV, Map.of("http-port", port)));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0", "-3", "1.5", "many"})
  @DisplayName("A count that is not a whole number above 0 is refused")
  void badCount(String count) {
    assertEquals(List.of("environment VIGIL_MAX_QUEUED_RUNS: expected a whole number above 0, found '" + count + "'"),
        problems(Optional.empty(), env(Map.of("VIGIL_MAX_QUEUED_RUNS", count)), Map.of()));
  }

  @Test
  @DisplayName("A count too large for a whole number is refused")
  void countTooLarge() {
    assertEquals(List.of("--circuit-failures: '99999999999' is too large: at most 2147483647"),
        problems(Optional.empty(), NO_ENV, Map.of("circuit-failures", "99999999999")));
  }

  @Test
  @DisplayName("A duration of zero or not written as a duration is refused")
  void badDurations() {
    assertEquals(List.of(
            "--circuit-probe-interval: '1 minute' is not a duration: write a whole number and a unit"
                + " (ms, s, m or h), e.g. 500ms, 30s, 5m",
            "--shutdown-grace: a duration must be more than zero, found 0s"),
        problems(Optional.empty(), NO_ENV, Map.of("shutdown-grace", "0s", "circuit-probe-interval", "1 minute")));
  }

  @Test
  @DisplayName("A location that is no label, more shards than 4096 and a lease shorter than 3s are refused")
  void badScaleOut() {
    assertEquals(List.of(
            "--location: 'EU West' is not a location: lowercase letters, digits and '-', starting with a letter or"
                + " digit, e.g. eu-west",
            "--shards: 4097 shards is too many: at most 4096",
            "--lease-ttl: a lease must last at least 3s (renewals take up to 2s when Redis is slow), found 2500ms"),
        problems(Optional.empty(), NO_ENV, Map.of("location", "EU West", "shards", "4097", "lease-ttl", "2500ms")));
  }

  @Test
  @DisplayName("A malformed sampler entry is named (one holding a URL only by its position), a window under 30s is refused")
  void badAnalysis() {
    assertEquals(List.of(
            "environment VIGIL_ACTIVITY_SAMPLERS: entry 2 seems to hold a URL: give the name of the environment"
                + " variable holding it: expected LABEL=VALUE:ENV_VAR, comma-separated, such as"
                + " postgres=pg-a:PG_A_MONITOR_URL",
            "environment VIGIL_ANALYSIS_WINDOW: '1 minute' is not a duration: write a whole number and a unit"
                + " (ms, s, m or h), e.g. 500ms, 30s, 5m",
            "--activity-samplers: 'postgres=pg-a' is not a sampler: expected LABEL=VALUE:ENV_VAR, comma-separated,"
                + " such as postgres=pg-a:PG_A_MONITOR_URL",
            "--analysis-window: an analysis window must last at least 30s (each window needs runs of every journey),"
                + " found 10s"),
        problems(Optional.empty(), env(Map.of(
                "VIGIL_ACTIVITY_SAMPLERS", "postgres=pg-b:PG_B, postgres=pg-a:postgresql://monitor:s3cret@pg-a/postgres",
                "VIGIL_ANALYSIS_WINDOW", "1 minute")),
            Map.of("activity-samplers", "postgres=pg-a", "analysis-window", "10s")));
    assertEquals(List.of("--activity-samplers: postgres=pg-a is given two samplers: one per placement"),
        problems(Optional.empty(), NO_ENV, Map.of("activity-samplers", "postgres=pg-a:A,postgres=pg-a:B")));
  }

  @Test
  @DisplayName("An empty folder, a folder that is no path, and an empty runner name are refused")
  void badTexts() {
    assertEquals(List.of(
            "--tenants: expected a folder, found nothing",
            "--journeys: 'jour\0neys' is not a path: Nul character not allowed",
            "--runner-name: must not be empty"),
        problems(Optional.empty(), NO_ENV, Map.of("tenants", " ", "journeys", "jour\0neys", "runner-name", "")));
  }

  @Test
  @DisplayName("An unknown key in the file is refused with the nearest key")
  void unknownKey() throws Exception {
    assertEquals(List.of("vigil.yaml:2:1: max_runs_inflight: unknown key 'max_runs_inflight':"
            + " did you mean 'max_runs_in_flight'?"),
        problems(file("http_port: 9090\nmax_runs_inflight: 3\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A key written twice in the file is refused")
  void keyTwice() throws Exception {
    assertEquals(List.of("vigil.yaml:2:1: http_port: key 'http_port' is written twice (first at line 1)"),
        problems(file("http_port: 9090\nhttp_port: 9091\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A file value that is a list, a map or nothing is refused")
  void notPlainValue() throws Exception {
    assertEquals(List.of(
            "vigil.yaml:1:14: tenants_dir: expected a value (text or a number), found a list",
            "vigil.yaml:2:14: runner_name: expected a value (text or a number), found a map",
            "vigil.yaml:3:11: data_dir: expected a value (text or a number), found nothing (null)"),
        problems(file("tenants_dir: [a, b]\nrunner_name: {name: x}\ndata_dir: ~\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A config file that is not a map is refused")
  void notAMap() throws Exception {
    assertEquals(List.of("vigil.yaml:1:1: expected a map of settings such as http_port: 8080, found a list"),
        problems(file("- http_port: 9090\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A config file with a syntax error is refused with its position")
  void syntaxError() throws Exception {
    List<String> problems = problems(file("http_port: 9090\nrunner_name: [a\n"), NO_ENV, Map.of());

    assertEquals(1, problems.size(), String.join("\n", problems));
    assertTrue(problems.get(0).startsWith("vigil.yaml:3:1: YAML syntax error"), problems.get(0));
  }

  @Test
  @DisplayName("A config file that does not exist is refused")
  void missingFile() {
    assertEquals(List.of("absent.yaml: the file does not exist"),
        problems(Optional.of(dir.resolve("absent.yaml")), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A wrong value is refused even where a source of higher precedence overrides it")
  void overriddenValue() throws Exception {
    assertEquals(List.of("vigil.yaml:1:12: http_port: 'abc' is not a port: expected a whole number from 0 to"
            + " 65535 (0 picks a free one)"),
        problems(file("http_port: abc\n"), NO_ENV, Map.of("http-port", "9090")));
  }

  @Test
  @DisplayName("A per-tenant cap above the default global cap is reported where the per-tenant cap is given")
  void perTenantAboveDefault() {
    assertEquals(List.of("--max-runs-per-tenant: 300 is above max_runs_in_flight (256, the default)" + WHY),
        problems(Optional.empty(), NO_ENV, Map.of("max-runs-per-tenant", "300")));
  }

  @Test
  @DisplayName("A global cap below the default per-tenant cap is reported where the global cap is given")
  void inFlightBelowDefault() throws Exception {
    assertEquals(List.of("vigil.yaml:1:21: max_runs_in_flight: 2 is below max_runs_per_tenant (4, the default)" + WHY),
        problems(file("max_runs_in_flight: 2\n"), NO_ENV, Map.of()));
  }

  @Test
  @DisplayName("A per-tenant cap above the global cap names where each was given")
  void perTenantAboveGiven() throws Exception {
    assertEquals(List.of("environment VIGIL_MAX_RUNS_PER_TENANT: 8 is above max_runs_in_flight"
            + " (4, from vigil.yaml:1:21)" + WHY),
        problems(file("max_runs_in_flight: 4\n"), env(Map.of("VIGIL_MAX_RUNS_PER_TENANT", "8")), Map.of()));
  }

  @Test
  @DisplayName("The caps are not compared when the one in force is wrong")
  void noComparisonOfWrongCap() throws Exception {
    assertEquals(List.of("--max-runs-in-flight: expected a whole number above 0, found 'lots'"),
        problems(file("max_runs_in_flight: 2\n"), NO_ENV, Map.of("max-runs-in-flight", "lots")));
  }

  @Test
  @DisplayName("Every problem is reported at once: the file's in order, the environment's, the flags', then those across settings")
  void allAtOnce() throws Exception {
    Optional<Path> file = file("""
        shutdown_grace: 0s
        max_runs_inflight: 3
        tenants_dir: [a, b]
        """);
    Function<String, String> env = env(Map.of("VIGIL_HTTP_PORT", "abc", "VIGIL_RELOAD_INTERVAL", "2 seconds"));
    Map<String, String> flags = Map.of("max-runs-per-tenant", "300", "circuit-failures", "none");

    ConfigException e = assertThrows(ConfigException.class, () -> load(file, env, flags));

    assertEquals(List.of(
            "vigil.yaml:1:17: shutdown_grace: a duration must be more than zero, found 0s",
            "vigil.yaml:2:1: max_runs_inflight: unknown key 'max_runs_inflight': did you mean 'max_runs_in_flight'?",
            "vigil.yaml:3:14: tenants_dir: expected a value (text or a number), found a list",
            "environment VIGIL_HTTP_PORT: 'abc' is not a port: expected a whole number from 0 to 65535"
                + " (0 picks a free one)",
            "environment VIGIL_RELOAD_INTERVAL: '2 seconds' is not a duration: write a whole number and a unit"
                + " (ms, s, m or h), e.g. 500ms, 30s, 5m",
            "--circuit-failures: expected a whole number above 0, found 'none'",
            "--max-runs-per-tenant: 300 is above max_runs_in_flight (256, the default)" + WHY),
        problems(file, env, flags));
    assertEquals(String.join("\n", e.problems()), e.getMessage());
  }

  @Test
  @DisplayName("A flag name that no setting has is a mistake of the caller")
  void unknownFlag() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> load(Optional.empty(), NO_ENV, Map.of("tenants-dir", "tenants")));

    assertTrue(e.getMessage().startsWith("no setting has the flag 'tenants-dir'"), e.getMessage());
  }
}
