package dev.vigil.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  @DisplayName("every percentile is within the stated relative error of the exact one, from 0.1 ms to 1 h")
  void percentilesWithinBound() {
    Random random = new Random(7);
    double[] values = new double[20_000];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.1 * Math.pow(10, random.nextDouble() * 7.5); // 0.1 ms … ~50 min
      histogram.recordMillis(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
      double exact = values[(int) Math.ceil(q * values.length) - 1];
      double estimate = histogram.percentile(q);
      assertTrue(Math.abs(estimate - exact) / exact <= LatencyHistogram.RELATIVE_ERROR + 1e-9,
          "p" + q + ": " + estimate + " vs " + exact);
    }
    assertTrue(LatencyHistogram.RELATIVE_ERROR < 0.02);
  }

  @Test
  @DisplayName("merging adds counts exactly, in any order, and survives encoding")
  void mergeAndEncode() {
    LatencyHistogram a = new LatencyHistogram().recordMillis(5).recordMillis(5).recordMillis(900);
    LatencyHistogram b = new LatencyHistogram().recordMillis(900).recordMillis(0.01).recordMillis(1e9);

    LatencyHistogram ab = new LatencyHistogram().merge(a).merge(b);
    LatencyHistogram ba = LatencyHistogram.decode(b.encode()).merge(LatencyHistogram.decode(a.encode()));

    assertEquals(6, ab.count());
    assertArrayEquals(ab.encode(), ba.encode());
    assertEquals(0.1, ab.percentile(1.0 / 6));
    assertEquals(LatencyHistogram.MAX_MS, ab.percentile(1.0));
    assertEquals(8, ab.encode().length);
  }

  @Test
  @DisplayName("an empty histogram has no percentile, and a malformed encoding is refused")
  void edges() {
    assertTrue(Double.isNaN(new LatencyHistogram().percentile(0.5)));
    assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode(new int[] {3}));
    assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode(new int[] {100_000, 1}));
    assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram().percentile(0));
  }
}
