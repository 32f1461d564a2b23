package dev.vigil.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code activity_samplers}, written {@code LABEL=VALUE:ENV_VAR}: the placement label
 * and value a shared PostgreSQL server serves ({@code postgres=pg-a}) and the environment variable
 * holding a read-only {@code postgresql://} URL of it. Database URLs hold passwords: never in a
 * file or a flag, only their variable's name.
 */
public record ActivitySamplerRef(String labelKey, String labelValue, String variable) {
  private static final Pattern FORM =
      Pattern.compile("([A-Za-z0-9_.\\-]+)=([A-Za-z0-9_.\\-]+):([A-Za-z_][A-Za-z0-9_]*)");

  /** {@code postgres=pg-a}: the placement this sampler serves. */
  public String placement() {
    return labelKey + "=" + labelValue;
  }

  /**
   * Comma-separated entries; blank entries are ignored.
   *
   * @throws IllegalArgumentException naming the malformed entry — or, when it seems to hold a URL,
   *     only its position, so that no password is repeated
   */
  public static List<ActivitySamplerRef> parseAll(String text) {
    List<String> entries = Arrays.stream(text.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    List<ActivitySamplerRef> refs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      Matcher m = FORM.matcher(entry);
      if (!m.matches()) {
        String named = entry.contains("://") || entry.contains("@")
            ? "entry " + (i + 1) + " seems to hold a URL: give the name of the environment variable holding it"
            : "'" + entry + "' is not a sampler";
        throw new IllegalArgumentException(named + ": expected LABEL=VALUE:ENV_VAR, comma-separated, such as"
            + " postgres=pg-a:PG_A_MONITOR_URL");
      }
      refs.add(new ActivitySamplerRef(m.group(1), m.group(2), m.group(3)));
    }
    List<String> placements = refs.stream().map(ActivitySamplerRef::placement).toList();
    placements.stream().filter(p -> placements.indexOf(p) != placements.lastIndexOf(p)).findFirst().ifPresent(p -> {
      throw new IllegalArgumentException(p + " is given two samplers: one per placement");
    });
    return List.copyOf(refs);
  }
}
