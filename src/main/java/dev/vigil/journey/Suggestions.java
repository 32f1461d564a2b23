package dev.vigil.journey;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelt keys, operators and ids. */
final class Suggestions {
  private Suggestions() {}

  /**
   * A message for a name that is not one of {@code allowed}: the nearest allowed name when one is
   * close (a typo), else the whole list.
   */
  static String unknown(String what, String name, Collection<String> allowed) {
    return nearest(name, allowed)
        .map(near -> "unknown " + what + " '" + name + "': did you mean '" + near + "'?")
        .orElseGet(() -> allowed.isEmpty()
            ? "unknown " + what + " '" + name + "'"
            : "unknown " + what + " '" + name + "': expected one of "
                + String.join(", ", allowed.stream().sorted().toList()));
  }

  /** The allowed name closest to {@code name}, if it is close enough to be a typo. */
  static Optional<String> nearest(String name, Collection<String> allowed) {
    int tolerance = name.length() <= 3 ? 1 : 2;
    return allowed.stream()
        .filter(candidate -> distance(name, candidate) <= tolerance)
        .min(Comparator.comparingInt((String candidate) -> distance(name, candidate))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped = i > 1 && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
