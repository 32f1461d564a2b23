package dev.vigil.journey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Reads http(s) origins and base URLs: a scheme, a host and maybe a port, nothing else. */
final class Origins {
  private Origins() {}

  /**
   * An http(s) URL with a host, no user info, no query or fragment, and a path that is empty or
   * {@code /} only when {@code rootPathAllowed}; the problem is reported otherwise. The URL itself
   * is never repeated in messages (it may carry credentials).
   */
  static Optional<URI> read(YamlValue value, boolean rootPathAllowed, String expected) {
    Optional<String> text = value.text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text.get().strip());
    } catch (URISyntaxException e) {
      value.problem("not a URL: expected " + expected);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String problem = null;
    if (!scheme.equals("http") && !scheme.equals("https")) {
      problem = "the scheme must be http or https";
    } else if (uri.getHost() == null) {
      problem = "a host is missing";
    } else if (uri.getRawUserInfo() != null) {
      problem = "a user name or password must not be part of the URL";
    } else if (!(path.isEmpty() || (rootPathAllowed && path.equals("/")))) {
      problem = "it must not have a path";
    } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problem = "it must not have a query or a fragment";
    }
    if (problem != null) {
      value.problem(problem + ": expected " + expected);
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(),
          null, null, null));
    } catch (URISyntaxException e) {
      value.problem("not a URL: expected " + expected);
      return Optional.empty();
    }
  }
}
