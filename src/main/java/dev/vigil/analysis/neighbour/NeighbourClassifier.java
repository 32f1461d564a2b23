package dev.vigil.analysis.neighbour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Explains the degraded tenants of one evaluation by their placement:
 *
 * <ol>
 *   <li><b>Platform-wide</b> when, for some label with at least two placements, at least half of
 *       every placement's tenants are degraded: one finding, no neighbour blamed.
 *   <li><b>Shared-resource contention</b> on a placement (tenants sharing a label value, two or
 *       more of them) when at least two of its tenants and at least half of them are degraded,
 *       while of the tenants elsewhere (there must be some) at most half, and at most half the
 *       placement's share, are. Placements with the same tenants are one finding with all their
 *       labels; a wider placement whose degraded tenants a narrower one already explains is not
 *       reported. Suspects come from the first {@link SuspectAttribution} that names one; the
 *       victims are the degraded tenants other than the suspects.
 *   <li><b>Own problem</b> for every degraded tenant not explained above.
 * </ol>
 *
 * Pure and stateless; the lifecycle is {@link FindingTracker}'s.
 */
public final class NeighbourClassifier {
  private final List<SuspectAttribution> attributions;

  /** @param attributions tried in order (the database sampler first, the probes last) */
  public NeighbourClassifier(List<SuspectAttribution> attributions) {
    this.attributions = List.copyOf(attributions);
  }

  public List<Diagnosis> classify(Collection<TenantHealth> tenants) {
    List<TenantHealth> degraded = tenants.stream().filter(TenantHealth::degraded).toList();
    if (degraded.isEmpty()) {
      return List.of();
    }
    if (platformWide(tenants)) {
      return List.of(platform(tenants, degraded));
    }
    List<PlacementGroup> contended = mostSpecific(contendedGroups(tenants, degraded.size()));
    List<Diagnosis> diagnoses = new ArrayList<>();
    Set<String> explained = new HashSet<>();
    for (PlacementGroup group : contended) {
      Diagnosis diagnosis = contention(group);
      diagnoses.add(diagnosis);
      group.degraded().forEach(m -> explained.add(m.tenantId()));
    }
    degraded.stream().filter(t -> !explained.contains(t.tenantId())).map(NeighbourClassifier::own)
        .forEach(diagnoses::add);
    return diagnoses;
  }

  private static boolean platformWide(Collection<TenantHealth> tenants) {
    Set<String> keys = tenants.stream().flatMap(t -> t.placement().keySet().stream()).collect(Collectors.toSet());
    for (String key : keys) {
      Map<String, List<TenantHealth>> byValue = tenants.stream().filter(t -> t.placement().containsKey(key))
          .collect(Collectors.groupingBy(t -> t.placement().get(key)));
      if (byValue.size() >= 2 && byValue.values().stream().allMatch(members -> share(members) >= 0.5)) {
        return true;
      }
    }
    return false;
  }

  private static List<PlacementGroup> contendedGroups(Collection<TenantHealth> tenants, int degradedTotal) {
    Map<Set<String>, Map<String, String>> labelsByMembers = new LinkedHashMap<>();
    Map<Set<String>, List<TenantHealth>> membersOf = new LinkedHashMap<>();
    for (Map.Entry<String, String> label : allLabels(tenants)) {
      List<TenantHealth> members = tenants.stream()
          .filter(t -> label.getValue().equals(t.placement().get(label.getKey()))).toList();
      int inside = (int) members.stream().filter(TenantHealth::degraded).count();
      int outsideCount = tenants.size() - members.size();
      double insideShare = share(members);
      double outsideShare = outsideCount == 0 ? 1 : (double) (degradedTotal - inside) / outsideCount;
      if (members.size() >= 2 && inside >= 2 && insideShare >= 0.5 && outsideShare <= 0.5
          && outsideShare <= insideShare / 2) {
        Set<String> ids = members.stream().map(TenantHealth::tenantId).collect(Collectors.toSet());
        labelsByMembers.computeIfAbsent(ids, ignored -> new TreeMap<>()).put(label.getKey(), label.getValue());
        membersOf.put(ids, members);
      }
    }
    return labelsByMembers.entrySet().stream()
        .map(e -> new PlacementGroup(e.getValue(), membersOf.get(e.getKey()))).toList();
  }

  /** Drops a group when a smaller one explains the same degraded tenants. */
  private static List<PlacementGroup> mostSpecific(List<PlacementGroup> groups) {
    return groups.stream().filter(group -> groups.stream().noneMatch(other -> other != group
        && other.members().size() < group.members().size()
        && ids(other.degraded()).equals(ids(group.degraded())))).toList();
  }

  private Diagnosis contention(PlacementGroup group) {
    Optional<Suspicion> suspicion = attributions.stream().map(a -> a.attribute(group))
        .flatMap(Optional::stream).filter(s -> !s.suspects().isEmpty()).findFirst();
    List<String> suspects = suspicion.map(Suspicion::suspects).orElse(List.of());
    List<String> victims = group.degraded().stream().map(TenantHealth::tenantId)
        .filter(id -> !suspects.contains(id)).sorted().toList();
    Map<String, Double> evidence = new TreeMap<>(suspicion.map(Suspicion::evidence).orElse(Map.of()));
    group.members().forEach(m -> evidence.putIfAbsent(m.tenantId() + ".p95_rise", ProbeAttribution.round(m.rise())));
    evidence.put("placement.degraded_share", ProbeAttribution.round(share(group.members())));
    return new Diagnosis(FindingKind.SHARED_RESOURCE_CONTENTION, "contention:" + group.name(), group.labels(),
        suspects, victims, since(group.degraded()), evidence, suspicion.map(Suspicion::confidence).orElse(0.3),
        suspicion.map(Suspicion::source).orElse("none"));
  }

  private static Diagnosis platform(Collection<TenantHealth> tenants, List<TenantHealth> degraded) {
    Map<String, Double> evidence = new TreeMap<>();
    degraded.forEach(t -> evidence.put(t.tenantId() + ".p95_rise", ProbeAttribution.round(t.rise())));
    evidence.put("platform.degraded_share", ProbeAttribution.round(share(tenants)));
    return new Diagnosis(FindingKind.PLATFORM_WIDE, "platform", Map.of(), List.of(), ids(degraded).stream().sorted().toList(),
        since(degraded), evidence, Math.min(0.9, 0.5 + share(tenants) / 2), "probes");
  }

  private static Diagnosis own(TenantHealth tenant) {
    return new Diagnosis(FindingKind.OWN_PROBLEM, "own:" + tenant.tenantId(), tenant.placement(), List.of(tenant.tenantId()),
        List.of(tenant.tenantId()), tenant.since().orElse(Instant.EPOCH),
        Map.of(tenant.tenantId() + ".p95_rise", ProbeAttribution.round(tenant.rise())), 0.6, "probes");
  }

  private static Set<Map.Entry<String, String>> allLabels(Collection<TenantHealth> tenants) {
    Set<Map.Entry<String, String>> labels = new LinkedHashSet<>();
    tenants.forEach(t -> new TreeMap<>(t.placement()).forEach((key, value) -> labels.add(Map.entry(key, value))));
    return labels;
  }

  private static Set<String> ids(List<TenantHealth> members) {
    return members.stream().map(TenantHealth::tenantId).collect(Collectors.toSet());
  }

  private static double share(Collection<TenantHealth> members) {
    return members.isEmpty() ? 0 : (double) members.stream().filter(TenantHealth::degraded).count() / members.size();
  }

  private static Instant since(List<TenantHealth> members) {
    return members.stream().map(TenantHealth::since).flatMap(Optional::stream).min(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }
}
