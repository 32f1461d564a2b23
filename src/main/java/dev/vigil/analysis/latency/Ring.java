package dev.vigil.analysis.latency;

import java.util.Arrays;

/** The last {@code capacity} values added, oldest dropped first. */
final class Ring {
  private final double[] values;
  private int next;
  private int size;

  Ring(int capacity) {
    this.values = new double[capacity];
  }

  void add(double value) {
    values[next] = value;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  int size() {
    return size;
  }

  double[] values() {
    return size == values.length ? values.clone() : Arrays.copyOf(values, size);
  }
}
