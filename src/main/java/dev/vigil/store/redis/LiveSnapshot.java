package dev.vigil.store.redis;

import dev.vigil.schedule.CheckKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The live state of some tenants' checks at one moment, ordered by tenant then journey. */
public record LiveSnapshot(List<CheckLive> checks) {
  public LiveSnapshot {
    checks = checks.stream()
        .sorted(Comparator.comparing((CheckLive c) -> c.check().tenantId()).thenComparing(c -> c.check().journeyId()))
        .toList();
  }

  public Optional<CheckLive> check(CheckKey key) {
    return checks.stream().filter(c -> c.check().equals(key)).findFirst();
  }
}
