package dev.vigil.bench;

import dev.vigil.sandbox.ServedCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What the sandbox servers answered, as their call observer: a count per request path, always,
 * and — while {@link #recording} — every call with its database and service time, for pairing
 * with Vigil's step times. Servers report from their own event loops; thread-safe.
 */
final class CallLog implements Consumer<ServedCall> {
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<ServedCall> recorded = new ConcurrentLinkedQueue<>();
  private volatile boolean recording;

  @Override
  public void accept(ServedCall call) {
    byPath.computeIfAbsent(call.path(), path -> new LongAdder()).increment();
    if (recording) {
      recorded.add(call);
    }
  }

  /** Starts or stops keeping every call. */
  void recording(boolean on) {
    recording = on;
  }

  /** The calls kept while recording, in no particular order. */
  List<ServedCall> recorded() {
    return List.copyOf(recorded);
  }

  /** Calls answered so far, by path. */
  Map<String, Long> byPath() {
    Map<String, Long> counts = new TreeMap<>();
    byPath.forEach((path, count) -> counts.put(path, count.sum()));
    return counts;
  }

  /** Calls answered so far. */
  long total() {
    return byPath.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Calls answered so far on one path. */
  long count(String path) {
    LongAdder count = byPath.get(path);
    return count == null ? 0 : count.sum();
  }
}
