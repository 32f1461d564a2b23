package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http: {method, url, headers, body, expect_status}}: a plain HTTP request to a path on the
 * tenant's Odoo ({@code /web/health}) or to an absolute http(s) URL (whose origin the tenant must
 * allow, checked at run time).
 */
final class HttpParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("method", "url", "headers", "body", "expect_status");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> new StepAction.Http(
        map.get("method").flatMap(HttpParser::method).orElse("GET"),
        map.required("url").flatMap(url -> url(url, references)).orElse("/"),
        map.get("headers").map(headers -> headers(headers, references)).orElse(Map.of()),
        map.get("body").map(references::templated).orElse(null),
        map.get("expect_status").flatMap(HttpParser::status).orElse(0)));
  }

  private static Optional<String> method(YamlValue value) {
    Optional<String> method = value.text();
    if (method.isPresent() && !METHODS.contains(method.get())) {
      value.problem("unknown HTTP method '" + method.get() + "': expected one of "
          + String.join(", ", METHODS));
      return Optional.empty();
    }
    return method;
  }

  private static Optional<Object> url(YamlValue value, JourneyReferences references) {
    Optional<String> url = value.nonBlankText();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String text = url.get();
    if (!(text.startsWith("/") || text.startsWith("${") || isAbsoluteHttp(text))) {
      value.problem("expected a path on the tenant's Odoo such as /web/health,"
          + " or an absolute http:// or https:// URL");
    }
    return Optional.of(references.templated(value));
  }

  private static boolean isAbsoluteHttp(String text) {
    if (!(text.startsWith("http://") || text.startsWith("https://"))) {
      return false;
    }
    if (text.contains("${")) {
      return true;
    }
    try {
      return new URI(text).getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Map<String, Object> headers(YamlValue value, JourneyReferences references) {
    Map<String, Object> headers = new LinkedHashMap<>();
    value.map().ifPresent(map -> map.entries().forEach((name, header) -> {
      if (header.text().isPresent()) {
        headers.put(name, references.templated(header));
      }
    }));
    return headers;
  }

  private static Optional<Integer> status(YamlValue value) {
    Optional<Integer> status = value.integer();
    if (status.isPresent() && (status.get() < 100 || status.get() > 599)) {
      value.problem("an HTTP status is between 100 and 599, found " + status.get());
      return Optional.empty();
    }
    return status;
  }
}
