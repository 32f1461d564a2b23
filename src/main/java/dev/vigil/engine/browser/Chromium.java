package dev.vigil.engine.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Playwright driver and the Chromium it launched, for one host thread: created, used and
 * closed on that thread only (Playwright objects are bound to the thread that created them).
 * The browser is launched on first use and launched again when it has crashed or been killed.
 * Each launch has a generation number, so a context of a dead browser is told from a live one.
 */
final class Chromium {
  /** Flags for a closed network: nothing may try to reach Google's services. */
  static final List<String> FLAGS = List.of(
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");
  /** Marks the browser's command line, so that a hung browser's processes can be found and killed. */
  static final String TAG_FLAG = "--vigil-browser=";
  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final Path executable;
  private final String tag;
  private Playwright playwright;
  private Browser browser;
  private long generation;

  /** @param tag unique per host thread, put on the browser's command line */
  Chromium(Path executable, String tag) {
    this.executable = executable;
    this.tag = tag;
  }

  /**
   * The live browser, launched (again) when there is none or it is disconnected.
   *
   * @throws BrowserFault when Chromium cannot be found or started
   */
  Browser browser() {
    if (browser != null && browser.isConnected()) {
      return browser;
    }
    closeBrowser();
    if (!Files.isExecutable(executable)) {
      throw new BrowserFault("no Chromium at " + executable
          + ": install Debian's chromium package (apt-get install chromium) or set browser_path");
    }
    if (playwright == null) {
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
    try {
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable)
          .setHeadless(true)
          .setTimeout(30_000)
          .setArgs(args()));
    } catch (PlaywrightException e) {
      close();
      throw new BrowserFault("Chromium at " + executable + " did not start: " + firstLine(e.getMessage()));
    }
    generation = GENERATIONS.incrementAndGet();
    return browser;
  }

  /** The generation of the current browser; 0 before the first launch. */
  long generation() {
    return generation;
  }

  /** The browser's command-line mark (for finding its processes). */
  String processTag() {
    return TAG_FLAG + tag;
  }

  /** Forgets the browser so the next use launches a new one (after a crash or a hang). */
  void discardBrowser() {
    closeBrowser();
  }

  /** Closes the browser and the driver; never throws. */
  void close() {
    closeBrowser();
    if (playwright != null) {
      try {
        playwright.close();
      } catch (RuntimeException alreadyGone) {
        // the driver died with the browser: nothing left to close
      }
      playwright = null;
    }
  }

  private void closeBrowser() {
    if (browser != null) {
      try {
        browser.close();
      } catch (RuntimeException alreadyGone) {
        // a crashed or killed browser cannot be closed; its processes are gone or being killed
      }
      browser = null;
    }
  }

  private List<String> args() {
    List<String> args = new java.util.ArrayList<>(FLAGS);
    args.add(processTag());
    return args;
  }

  /** The first line of Playwright's message, without its {@code Error { message='} wrapping. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String text = message.strip();
    int wrapped = text.indexOf("message='");
    if (text.startsWith("Error {") && wrapped >= 0) {
      text = text.substring(wrapped + "message='".length());
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
