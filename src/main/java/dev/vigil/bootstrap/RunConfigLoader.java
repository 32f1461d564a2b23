package dev.vigil.bootstrap;

import dev.vigil.domain.SourcePos;
import dev.vigil.journey.Problem;
import dev.vigil.journey.SettingsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the {@link RunConfig} of {@code vigil run} and {@code vigil demo}. Each setting comes
 * from, in order of precedence: a command-line flag, an environment variable
 * {@code VIGIL_<KEY>}, the config file (key {@code <key>}), else the defaults ({@link RunConfig#defaults()}).
 * Every value given is checked, even one that a source of higher precedence overrides, and every
 * problem of every source is reported at once in one {@link ConfigException}. An environment
 * variable set to the empty string counts as unset. Relative paths in the config file are
 * resolved against the file's folder; those of the environment and flags against the working
 * directory.
 *
 * <p>Blocking: reads the config file, and the default runner name may look the host name up.
 * Call at start-up, before deploying verticles, never on an event loop.
 */
public final class RunConfigLoader {
  private static final Path WORKING_DIR = Path.of("");

  private final List<String> problems = new ArrayList<>();

  private RunConfigLoader() {}

  /**
   * The configuration from these sources.
   *
   * @param configFile the config file ({@code --config}), if one is given
   * @param env the environment: a variable's value, or null when it is not set
   * @param flags the flags given on the command line, by option name without dashes
   *     ({@code http-port}, {@code tenants}, ...), with their values as written
   * @throws ConfigException listing every problem of every source
   * @throws IllegalArgumentException when {@code flags} holds a name that is no setting's flag
   *     (a mistake of the caller, not of the user)
   */
  public static RunConfig load(
      Optional<Path> configFile, Function<String, String> env, Map<String, String> flags)
      throws ConfigException {
    return load(configFile, env, flags, RunConfig.defaults());
  }

  /**
   * The configuration from these sources over other defaults ({@link RunConfig#demoDefaults()}).
   *
   * @see #load(Optional, Function, Map)
   */
  public static RunConfig load(
      Optional<Path> configFile, Function<String, String> env, Map<String, String> flags, RunConfig defaults)
      throws ConfigException {
    checkFlagNames(flags);
    RunConfigLoader loader = new RunConfigLoader();
    Map<String, Value> fromFile = configFile.map(loader::fromFile).orElse(Map.of());
    Map<String, Value> fromEnv = loader.fromEnv(env);
    Map<String, Value> fromFlags = loader.fromFlags(flags);
    return loader.config(List.of(fromFlags, fromEnv, fromFile), defaults);
  }

  /** Where a value was given; a problem with it is printed after this. */
  private record Origin(SourcePos pos, String field) {
    static final Origin DEFAULT = new Origin(SourcePos.none("the default"), "");

    String problem(String message) {
      return new Problem(pos, field, message).toString();
    }

    /** For messages about another setting: "from vigil.yaml:3:21", "the default". */
    String describe() {
      return equals(DEFAULT) ? pos.file() : "from " + pos;
    }
  }

  /** A value read from one source: empty when it is wrong (reported). */
  private record Value(Optional<Object> value, Origin origin) {}

  private static void checkFlagNames(Map<String, String> flags) {
    List<String> known = Setting.ALL.stream().map(Setting::flag).toList();
    flags.keySet().stream().filter(flag -> !known.contains(flag)).findFirst().ifPresent(flag -> {
      throw new IllegalArgumentException(
          "no setting has the flag '" + flag + "': expected one of " + String.join(", ", known));
    });
  }

  private Map<String, Value> fromFile(Path file) {
    List<String> keys = Setting.ALL.stream().map(Setting::key).toList();
    SettingsFile.Contents contents = SettingsFile.read(file, keys);
    Path base = Objects.requireNonNullElse(file.getParent(), WORKING_DIR);
    List<Problem> found = new ArrayList<>(contents.problems());
    Map<String, Value> values = new LinkedHashMap<>();
    for (SettingsFile.Entry entry : contents.entries()) {
      Setting<?> setting = Setting.ALL.get(keys.indexOf(entry.key()));
      Origin origin = new Origin(entry.pos(), entry.key());
      values.put(entry.key(), read(setting, entry.text(), base, origin,
          message -> found.add(new Problem(origin.pos(), origin.field(), message))));
    }
    found.stream().sorted(Problem.BY_POSITION).map(Problem::toString).forEach(problems::add);
    return values;
  }

  private Map<String, Value> fromEnv(Function<String, String> env) {
    return given(setting -> Optional.ofNullable(env.apply(setting.envVar()))
        .filter(text -> !text.isEmpty()), setting -> "environment " + setting.envVar());
  }

  private Map<String, Value> fromFlags(Map<String, String> flags) {
    return given(setting -> Optional.ofNullable(flags.get(setting.flag())),
        setting -> "--" + setting.flag());
  }

  /**
   * The values one source gives, relative paths against the working directory.
   *
   * @param text a setting's text in the source, if the source gives it
   * @param source how problems name the source of a setting
   */
  private Map<String, Value> given(
      Function<Setting<?>, Optional<String>> text, Function<Setting<?>, String> source) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Setting<?> setting : Setting.ALL) {
      text.apply(setting).ifPresent(given -> {
        Origin origin = new Origin(SourcePos.none(source.apply(setting)), "");
        values.put(setting.key(),
            read(setting, given, WORKING_DIR, origin, message -> add(origin.problem(message))));
      });
    }
    return values;
  }

  /** The value read, or an empty one when it is wrong: the message goes to {@code problem}. */
  private static Value read(
      Setting<?> setting, String text, Path base, Origin origin, Consumer<String> problem) {
    try {
      return new Value(Optional.of(setting.reader().read(text, base)), origin);
    } catch (IllegalArgumentException e) {
      problem.accept(e.getMessage());
      return new Value(Optional.empty(), origin);
    }
  }

  /** @param sources the values of each source, in order of precedence */
  private RunConfig config(List<Map<String, Value>> sources, RunConfig defaults) throws ConfigException {
    Map<String, Value> chosen = new LinkedHashMap<>();
    for (Setting<?> setting : Setting.ALL) {
      chosen.put(setting.key(), sources.stream()
          .map(source -> source.get(setting.key()))
          .filter(Objects::nonNull)
          .findFirst()
          .orElseGet(() -> new Value(
              Optional.of(setting.defaultValue().apply(defaults)), Origin.DEFAULT)));
    }
    checkRunsPerTenant(chosen.get(Setting.MAX_RUNS_PER_TENANT.key()),
        chosen.get(Setting.MAX_RUNS_IN_FLIGHT.key()));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new RunConfig(
        value(chosen, Setting.HTTP_PORT),
        value(chosen, Setting.DATA_DIR),
        value(chosen, Setting.TENANTS_DIR),
        value(chosen, Setting.JOURNEYS_DIR),
        value(chosen, Setting.MAX_RUNS_IN_FLIGHT),
        value(chosen, Setting.MAX_RUNS_PER_TENANT),
        value(chosen, Setting.MAX_QUEUED_RUNS),
        value(chosen, Setting.CIRCUIT_FAILURES),
        value(chosen, Setting.CIRCUIT_PROBE_INTERVAL),
        value(chosen, Setting.SHUTDOWN_GRACE),
        value(chosen, Setting.RELOAD_INTERVAL),
        value(chosen, Setting.RUNNER_NAME),
        value(chosen, Setting.BROWSER_PATH),
        value(chosen, Setting.MAX_BROWSER_RUNS),
        value(chosen, Setting.DATABASE_URL),
        value(chosen, Setting.REDIS_URL),
        value(chosen, Setting.RETENTION_RAW_DAYS),
        value(chosen, Setting.RETENTION_ROLLUP_DAYS),
        value(chosen, Setting.MAX_BUFFERED_RESULTS),
        value(chosen, Setting.DASHBOARD_ORIGINS),
        value(chosen, Setting.PLATFORM_ALERT_WEBHOOK),
        value(chosen, Setting.LOCATION),
        value(chosen, Setting.SHARDS),
        value(chosen, Setting.LEASE_TTL),
        value(chosen, Setting.ACTIVITY_SAMPLERS),
        value(chosen, Setting.ANALYSIS_WINDOW));
  }

  /**
   * A tenant cannot hold more slots than there are: reported where the per-tenant cap was given,
   * or where the global one was when the per-tenant one is the default.
   */
  private void checkRunsPerTenant(Value perTenant, Value inFlight) {
    if (perTenant.value().isEmpty() || inFlight.value().isEmpty()) {
      return;
    }
    int perTenantCap = (Integer) perTenant.value().get();
    int inFlightCap = (Integer) inFlight.value().get();
    if (perTenantCap <= inFlightCap) {
      return;
    }
    String why = ": one tenant cannot hold more run slots than there are in all";
    add(perTenant.origin().equals(Origin.DEFAULT)
        ? inFlight.origin().problem(inFlightCap + " is below max_runs_per_tenant (" + perTenantCap
            + ", " + perTenant.origin().describe() + ")" + why)
        : perTenant.origin().problem(perTenantCap + " is above max_runs_in_flight (" + inFlightCap
            + ", " + inFlight.origin().describe() + ")" + why));
  }

  private void add(String problem) {
    problems.add(problem);
  }

  /** The chosen value of a setting; its reader made it a {@code T}, and it was not wrong. */
  @SuppressWarnings("unchecked")
  private static <T> T value(Map<String, Value> chosen, Setting<T> setting) {
    return (T) chosen.get(setting.key()).value().orElseThrow();
  }
}
