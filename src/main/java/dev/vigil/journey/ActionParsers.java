package dev.vigil.journey;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The action keys a step may have, each with the parser of its body. */
final class ActionParsers {
  private static final Map<String, ActionParser> BY_KEY = sorted(Map.ofEntries(
      Map.entry("login", new LoginParser()),
      Map.entry("call", new CallParser()),
      Map.entry("search_read", new SearchReadParser()),
      Map.entry("read", new ReadParser()),
      Map.entry("create", new CreateParser()),
      Map.entry("write", new WriteParser()),
      Map.entry("unlink", new UnlinkParser()),
      Map.entry("action", new MethodActionParser()),
      Map.entry("ensure", new EnsureParser()),
      Map.entry("poll", new PollParser()),
      Map.entry("http", new HttpParser()),
      Map.entry("require_modules", new RequireModulesParser())), BrowserParsers.byKey());

  private ActionParsers() {}

  private static Map<String, ActionParser> sorted(
      Map<String, ActionParser> rpcAndHttp, Map<String, ActionParser> browser) {
    Map<String, ActionParser> all = new TreeMap<>(rpcAndHttp);
    all.putAll(browser);
    return Collections.unmodifiableMap(all);
  }

  /** Every action key, sorted. */
  static Set<String> keys() {
    return BY_KEY.keySet();
  }

  static Optional<ActionParser> forKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
