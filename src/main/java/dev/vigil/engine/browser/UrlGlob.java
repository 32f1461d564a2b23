package dev.vigil.engine.browser;

import java.util.regex.Pattern;

/**
 * A URL glob as Playwright writes them: {@code **} matches anything, {@code *} anything but
 * {@code /}; every other character stands for itself.
 */
final class UrlGlob {
  private final Pattern pattern;

  UrlGlob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    this.pattern = Pattern.compile(regex.toString());
  }

  boolean matches(String url) {
    return pattern.matcher(url).matches();
  }
}
