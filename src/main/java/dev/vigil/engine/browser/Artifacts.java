package dev.vigil.engine.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Evidence files of runs: screenshots go to {@code <dataDir>/artifacts/<runId>/<step>.png}.
 * Names are reduced to letters, digits, {@code -} and {@code _}, so a file never lands outside its
 * folder. Writes on the calling thread (a host thread).
 */
final class Artifacts {
  private final Path dataDir;

  Artifacts(Path dataDir) {
    this.dataDir = dataDir;
  }

  /**
   * Saves a screenshot of the page; call on the page's host thread.
   *
   * @return its path relative to the data directory, as recorded in the step result
   */
  String screenshot(Page page, String runId, String step, boolean fullPage) {
    String relative = "artifacts/" + safe(runId) + "/" + safe(step) + ".png";
    Path file = dataDir.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new BrowserFault("cannot create " + file.getParent() + ": " + e.getMessage());
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
    return relative;
  }

  private static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return cleaned.isEmpty() ? "_" : cleaned;
  }
}
