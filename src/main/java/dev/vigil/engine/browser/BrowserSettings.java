package dev.vigil.engine.browser;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * How the {@link BrowserHost} runs Chromium.
 *
 * @param executable the Chromium binary (Debian's {@code /usr/bin/chromium}); Playwright's own
 *     browser download is never used
 * @param maxContexts browser runs at once: each holds one browser context until it ends
 * @param hostThreads threads, each with its own Playwright and browser; contexts are spread over them
 * @param dataDir screenshots of failed steps go to {@code <dataDir>/artifacts/<runId>/<step>.png}
 */
public record BrowserSettings(Path executable, int maxContexts, int hostThreads, Path dataDir) {
  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long MEGABYTE = 1024L * 1024;
  /** Memory a browser run may take (a renderer and its share of the browser), with headroom. */
  private static final long MEGABYTES_PER_RUN = 400;
  private static final int RUNS_PER_CORE = 4;

  public BrowserSettings {
    if (maxContexts < 1 || hostThreads < 1) {
      throw new IllegalArgumentException("maxContexts and hostThreads must be at least 1");
    }
  }

  /** Settings with one host thread per core, at most one per browser run. */
  public static BrowserSettings of(Path executable, int maxContexts, Path dataDir) {
    int threads = Math.max(1, Math.min(maxContexts, Runtime.getRuntime().availableProcessors()));
    return new BrowserSettings(executable, maxContexts, threads, dataDir);
  }

  /**
   * The default cap on browser runs at once: {@value #RUNS_PER_CORE} per core, at most one per
   * {@value #MEGABYTES_PER_RUN} MB of the machine's memory, at least 1.
   */
  public static int defaultMaxRuns() {
    int byCores = RUNS_PER_CORE * Runtime.getRuntime().availableProcessors();
    long memory = ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    long byMemory = memory > 0 ? memory / MEGABYTE / MEGABYTES_PER_RUN : byCores;
    return (int) Math.max(1, Math.min(byCores, byMemory));
  }
}
