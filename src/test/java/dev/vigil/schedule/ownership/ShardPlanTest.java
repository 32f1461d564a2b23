package dev.vigil.schedule.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
  private static final int SHARDS = 128;

  private static List<Integer> byPreference(String name) {
    return IntStream.range(0, SHARDS).boxed()
        .sorted(Comparator.comparingLong((Integer shard) -> ShardPlan.weight(name, shard)).reversed())
        .toList();
  }

  @Test
  @DisplayName("alone, a replica takes every free shard")
  void aloneTakesAll() {
    ShardPlan plan = ShardPlan.decide(SHARDS, 1, "a-1", "a", Set.of(), Map.of());

    assertEquals(List.of(), plan.release());
    assertEquals(SHARDS, Set.copyOf(plan.acquire()).size());
  }

  @Test
  @DisplayName("below its fair share, a replica tries the free shards it prefers most, and no held one")
  void takesPreferredFreeShards() {
    Map<Integer, String> owners = new HashMap<>();
    IntStream.range(0, 100).forEach(shard -> owners.put(shard, "other"));

    ShardPlan plan = ShardPlan.decide(SHARDS, 4, "a-1", "a", Set.of(), owners);

    assertEquals(List.of(), plan.release());
    assertEquals(byPreference("a").stream().filter(shard -> shard >= 100).limit(28).toList(), plan.acquire());
  }

  @Test
  @DisplayName("above its fair share (a replica joined), a replica gives up the shards it prefers least")
  void releasesLeastPreferred() {
    Set<Integer> held = IntStream.range(0, 64).boxed().collect(Collectors.toSet());
    Map<Integer, String> owners = new HashMap<>();
    held.forEach(shard -> owners.put(shard, "a-1"));

    ShardPlan plan = ShardPlan.decide(SHARDS, 3, "a-1", "a", held, owners);

    List<Integer> leastPreferredFirst = new java.util.ArrayList<>(byPreference("a").stream().filter(held::contains).toList());
    java.util.Collections.reverse(leastPreferredFirst);
    assertEquals(leastPreferredFirst.subList(0, 64 - 43), plan.release());
    assertEquals(List.of(), plan.acquire());
  }

  @Test
  @DisplayName("at its fair share a replica changes nothing; the one below the rounded-up share finds nothing free")
  void steadyState() {
    Map<Integer, String> owners = new HashMap<>();
    IntStream.range(0, SHARDS).forEach(shard -> owners.put(shard, shard < 43 ? "a-1" : shard < 86 ? "b-1" : "c-1"));
    Set<Integer> heldByC = IntStream.range(86, SHARDS).boxed().collect(Collectors.toSet());

    assertEquals(new ShardPlan(List.of(), List.of()), ShardPlan.decide(SHARDS, 3, "c-1", "c", heldByC, owners));
  }

  @Test
  @DisplayName("a shard Redis says this replica owns but that it does not know of (a lost reply) is taken again")
  void reclaimsItsOwnUnknownLease() {
    ShardPlan plan = ShardPlan.decide(SHARDS, 1, "a-1", "a", Set.of(), Map.of(5, "a-1", 6, "b-1"));

    assertTrue(plan.acquire().contains(5));
    assertTrue(!plan.acquire().contains(6));
    assertEquals(SHARDS - 1, plan.acquire().size());
  }

  @Test
  @DisplayName("replicas racing for all shards mostly want different ones")
  void preferencesDiffer() {
    List<String> names = List.of("replica-1", "replica-2", "replica-3");
    Set<Integer> wantedByTwo = new HashSet<>();
    Set<Integer> seen = new HashSet<>();
    for (String name : names) {
      for (int shard : ShardPlan.decide(SHARDS, 3, name + "-x", name, Set.of(), Map.of()).acquire()) {
        if (!seen.add(shard)) {
          wantedByTwo.add(shard);
        }
      }
    }
    assertTrue(wantedByTwo.size() < SHARDS / 2, wantedByTwo.size() + " shards wanted by more than one");
  }
}
