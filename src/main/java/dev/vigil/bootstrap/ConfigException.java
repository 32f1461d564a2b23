package dev.vigil.bootstrap;

import java.util.List;

/**
 * {@code vigil run} cannot start: its configuration has problems. Holds every one, each naming its
 * source; the message lists them one per line:
 *
 * <pre>
 * vigil.yaml:3:21: max_runs_in_flight: expected a whole number above 0, found 'lots'
 * environment VIGIL_HTTP_PORT: 'abc' is not a port: expected a whole number from 0 to 65535 ...
 * --max-runs-per-tenant: 300 is above max_runs_in_flight (256, the default): ...
 * </pre>
 */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(null, null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem: those of the config file in file order, then the environment's, then the
   * flags', then those between settings.
   */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    return String.join("\n", problems);
  }
}
