package dev.vigil.schedule.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.schedule.CheckKey;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShardsTest {

  @Test
  @DisplayName("a check's shard is stable (the same on every replica and release)")
  void stable() {
    Shards shards = new Shards(128);

    assertEquals(shards.of(new CheckKey("clinic-north", "login")), shards.of(new CheckKey("clinic-north", "login")));
    assertEquals(91, shards.of(new CheckKey("clinic-north", "login")), "a changed hash moves every check at upgrade");
  }

  @Test
  @DisplayName("60,000 checks spread evenly over 128 shards")
  void even() {
    Shards shards = new Shards(128);
    int[] perShard = new int[128];
    IntStream.range(0, 6_000).forEach(tenant -> {
      for (String journey : new String[] {"health", "login", "invoice-posting", "stock-move", "purchase-approval",
          "web-login", "web-invoices", "a", "b", "c"}) {
        perShard[shards.of(new CheckKey("tenant-" + tenant, journey))]++;
      }
    });
    int min = IntStream.of(perShard).min().orElseThrow();
    int max = IntStream.of(perShard).max().orElseThrow();

    assertTrue(min > 400 && max < 540, "from " + min + " to " + max + " checks per shard, 469 on average");
  }

  @Test
  @DisplayName("a shard count outside 1..4096 is refused")
  void bounds() {
    assertThrows(IllegalArgumentException.class, () -> new Shards(0));
    assertThrows(IllegalArgumentException.class, () -> new Shards(4097));
  }
}
