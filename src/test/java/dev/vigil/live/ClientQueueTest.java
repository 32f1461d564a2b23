package dev.vigil.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientQueueTest {
  /** "status:KEY=VALUE" coalesces by KEY; anything else never does. */
  private final ClientQueue<String> queue = new ClientQueue<>(3, m -> m.startsWith("status:")
      ? Optional.of(m.substring(7, m.indexOf('='))) : Optional.empty());

  @Test
  void messagesComeOutInOrder() {
    queue.offer("run:1");
    queue.offer("status:a=UP");
    queue.offer("run:2");

    assertEquals(List.of("run:1", "status:a=UP", "run:2"), drain());
    assertFalse(queue.takeResync());
  }

  @Test
  void aNewerStatusOfTheSameCheckReplacesTheWaitingOneInItsPlace() {
    queue.offer("status:a=UP");
    queue.offer("run:1");
    queue.offer("status:a=PENDING");
    queue.offer("status:a=DOWN");
    queue.offer("status:b=UP");

    assertEquals(List.of("status:a=DOWN", "run:1", "status:b=UP"), drain());
    assertEquals(2, queue.coalesced());
  }

  @Test
  void aStatusAlreadySentIsNotCoalescedWithTheNextOne() {
    queue.offer("status:a=UP");
    assertEquals(List.of("status:a=UP"), drain());
    queue.offer("status:a=DOWN");

    assertEquals(List.of("status:a=DOWN"), drain());
  }

  @Test
  void overflowDropsEverythingWaitingAndOwesAResyncOnce() {
    queue.offer("run:1");
    queue.offer("run:2");
    queue.offer("run:3");

    assertFalse(queue.offer("run:4"));
    assertEquals(0, queue.size());
    assertTrue(queue.takeResync());
    assertFalse(queue.takeResync());
    assertTrue(queue.offer("run:5"));
    assertEquals(List.of("run:5"), drain());
    assertEquals(1, queue.overflows());
  }

  private List<String> drain() {
    List<String> out = new ArrayList<>();
    for (Optional<String> next = queue.poll(); next.isPresent(); next = queue.poll()) {
      out.add(next.get());
    }
    return out;
  }
}
