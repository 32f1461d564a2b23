package dev.vigil.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlotsTest {
  private final List<String> started = new ArrayList<>();

  private Optional<SkipReason> due(Slots slots, String tenant, String name) {
    return slots.acquire(tenant, false, () -> started.add(name));
  }

  @Test
  @DisplayName("a hung tenant holds only its own slots: other tenants still start at once")
  void hungTenantHoldsOnlyItsSlots() {
    Slots slots = new Slots(10, 2, 100, 10);
    assertEquals(Optional.empty(), due(slots, "hung", "h1"));
    assertEquals(Optional.empty(), due(slots, "hung", "h2"));
    assertEquals(Optional.of(SkipReason.TENANT_AT_CAPACITY), due(slots, "hung", "h3"));
    for (int i = 0; i < 8; i++) {
      assertEquals(Optional.empty(), due(slots, "tenant-" + i, "t" + i));
    }
    assertEquals(10, started.size());
    assertEquals(10, slots.inFlight());
  }

  @Test
  @DisplayName("when every global slot is taken, runs wait in order and start as slots free")
  void queueIsFifo() {
    Slots slots = new Slots(2, 5, 100, 2);
    due(slots, "a", "a1");
    due(slots, "b", "b1");
    assertEquals(Optional.empty(), due(slots, "c", "c1"));
    assertEquals(Optional.empty(), due(slots, "d", "d1"));
    assertEquals(List.of("a1", "b1"), started);
    assertEquals(2, slots.queued());
    slots.release("a", false);
    assertEquals(List.of("a1", "b1", "c1"), started);
    slots.release("b", false);
    assertEquals(List.of("a1", "b1", "c1", "d1"), started);
    assertEquals(0, slots.queued());
    assertEquals(2, slots.inFlight());
  }

  @Test
  @DisplayName("a full queue skips the run, and queued runs count toward their tenant's cap")
  void boundedQueueAndTenantCap() {
    Slots slots = new Slots(1, 2, 1, 1);
    due(slots, "a", "a1");
    assertEquals(Optional.empty(), due(slots, "b", "b1"));
    assertEquals(Optional.of(SkipReason.QUEUE_FULL), due(slots, "c", "c1"));
    Slots capped = new Slots(1, 2, 10, 1);
    due(capped, "a", "a1");
    due(capped, "a", "a2");
    assertEquals(Optional.of(SkipReason.TENANT_AT_CAPACITY), due(capped, "a", "a3"));
  }

  private Optional<SkipReason> dueBrowser(Slots slots, String tenant, String name) {
    return slots.acquire(tenant, true, () -> started.add(name));
  }

  @Test
  @DisplayName("browser runs beyond their cap wait in their own queue while RPC runs still start at once")
  void browserCapLeavesRoomForRpcRuns() {
    Slots slots = new Slots(4, 5, 100, 2);
    dueBrowser(slots, "a", "w1");
    dueBrowser(slots, "b", "w2");
    assertEquals(Optional.empty(), dueBrowser(slots, "c", "w3"));
    assertEquals(Optional.empty(), due(slots, "d", "r1"));
    assertEquals(List.of("w1", "w2", "r1"), started);
    assertEquals(2, slots.browsersInFlight());
    assertEquals(1, slots.queued());
    slots.release("a", true);
    assertEquals(List.of("w1", "w2", "r1", "w3"), started);
  }

  @Test
  @DisplayName("a freed slot goes to a waiting RPC run before a waiting browser run")
  void rpcRunsGoFirst() {
    Slots slots = new Slots(2, 5, 100, 5);
    dueBrowser(slots, "a", "w1");
    due(slots, "b", "r1");
    dueBrowser(slots, "c", "w2");
    due(slots, "d", "r2");
    assertEquals(List.of("w1", "r1"), started);
    slots.release("a", true);
    assertEquals(List.of("w1", "r1", "r2"), started);
    slots.release("b", false);
    assertEquals(List.of("w1", "r1", "r2", "w2"), started);
  }

  @Test
  @DisplayName("browser runs never take the last global slot")
  void browserRunsLeaveOneSlot() {
    Slots slots = new Slots(2, 5, 100, 10);
    dueBrowser(slots, "a", "w1");
    dueBrowser(slots, "b", "w2");
    due(slots, "c", "r1");
    assertEquals(List.of("w1", "r1"), started);
  }
}
