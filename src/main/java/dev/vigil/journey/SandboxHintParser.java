package dev.vigil.journey;

import dev.vigil.domain.SandboxHint;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a tenant's {@code sandbox} hint for {@code vigil demo}: {@code version} (16 to 19) and
 * {@code modules} (besides account and stock, which are always installed: purchase). The sandbox
 * runs on this machine and speaks plain HTTP, so the tenant's {@code odoo.url} must be
 * {@code http://} on 127.0.0.1 or localhost.
 */
final class SandboxHintParser {
  static final List<Integer> VERSIONS = List.of(16, 17, 18, 19);
  static final List<String> MODULES = List.of("account", "stock", "purchase");
  private static final List<String> KEYS = List.of("version", "modules");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

  private SandboxHintParser() {}

  /** @param url the tenant's odoo.url, null when it could not be read (already reported) */
  static Optional<SandboxHint> parse(YamlValue value, URI url) {
    if (!value.isMap()) {
      return value.expected("a sandbox hint: a map with version and modules");
    }
    YamlMap map = value.map(KEYS).orElseThrow();
    Optional<Integer> version = map.required("version").flatMap(SandboxHintParser::version);
    Optional<Set<String>> modules = map.get("modules").map(SandboxHintParser::modules)
        .orElse(Optional.of(Set.of()));
    boolean local = url == null || isLocal(url, value);
    if (version.isEmpty() || modules.isEmpty() || !local) {
      return Optional.empty();
    }
    return Optional.of(new SandboxHint(version.get(), modules.get()));
  }

  /** Whether the url is one the sandbox can serve; the problem is reported when not. */
  private static boolean isLocal(URI url, YamlValue value) {
    if (!LOOPBACK.contains(url.getHost())) {
      value.problem("the sandbox runs on this machine: odoo.url must be on 127.0.0.1 or"
          + " localhost, e.g. http://127.0.0.1:7018");
      return false;
    }
    if (!url.getScheme().equals("http")) {
      value.problem("the sandbox serves plain HTTP: odoo.url must start with http://");
      return false;
    }
    return true;
  }

  private static Optional<Integer> version(YamlValue value) {
    Optional<Integer> version = value.integer();
    if (version.isPresent() && !VERSIONS.contains(version.get())) {
      value.problem("the sandbox speaks Odoo 16, 17, 18 or 19, not " + version.get());
      return Optional.empty();
    }
    return version;
  }

  /** The modules listed; empty (reported) when one is unknown. */
  private static Optional<Set<String>> modules(YamlValue value) {
    Optional<List<YamlValue>> items = value.list();
    Set<String> modules = new LinkedHashSet<>();
    boolean valid = items.isPresent();
    for (YamlValue item : items.orElse(List.of())) {
      Optional<String> module = module(item);
      if (module.isPresent() && !modules.add(module.get())) {
        item.problem("module '" + module.get() + "' is listed twice");
      }
      valid &= module.isPresent();
    }
    return valid ? Optional.of(modules) : Optional.empty();
  }

  private static Optional<String> module(YamlValue value) {
    Optional<String> module = value.text();
    if (module.isPresent() && !MODULES.contains(module.get())) {
      value.problem(Suggestions.unknown("sandbox module", module.get(), MODULES));
      return Optional.empty();
    }
    return module;
  }
}
