package dev.vigil.bench;

import dev.vigil.sandbox.ServedCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vigil's measurement overhead, call by call: the step time Vigil reported minus the sandbox's own
 * service time for the very request that step made.
 *
 * <p>How a step is matched to its request without any id in between. Two scrapes of Vigil's
 * {@code vigil_step_duration_seconds} less than an interval apart: a tenant × journey × step
 * series whose {@code _count} rose by exactly one holds one step, and its {@code _sum} rose by that
 * step's exact duration (the text format carries full double precision). The sandbox meanwhile
 * recorded every call with its database, path and service time. The step's request is the
 * {@code ordinal}-th call on the step's path for the tenant's database among those completed from
 * a little before the first scrape to the end of the second: as runs of a tenant × journey are one
 * interval apart, that span holds the calls of that single run only. Where the number of calls
 * found is not exactly the journey's number of steps on that path (a retry, a re-login, another
 * journey on the same path, a run longer than the slack), the step is left out and counted.
 */
final class OverheadPairing {
  /** The pairs found: overhead and service time per matched step, and how many could not be matched. */
  record Result(List<Long> overheadNanos, List<Long> serviceNanos, int unmatched) {
    int matched() {
      return overheadNanos.size();
    }

    /** The {@code q} quantile of the overhead (nearest rank), in milliseconds; NaN when nothing matched. */
    double overheadMillis(double q) {
      return quantileMillis(overheadNanos, q);
    }

    double serviceMillis(double q) {
      return quantileMillis(serviceNanos, q);
    }

    double meanOverheadMillis() {
      return overheadNanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }

    private static double quantileMillis(List<Long> values, double q) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }

  private OverheadPairing() {}

  /**
   * @param before the first scrape, with {@code vigil_step_duration_seconds_sum} and {@code _count}
   * @param after the second scrape
   * @param calls the sandbox's calls recorded over at least {@code [fromNanos, toNanos]}
   * @param fromNanos earliest completion (nanoTime) of a call that may belong to a step counted between the scrapes
   * @param toNanos the end of the second scrape
   */
  static Result pair(PrometheusText before, PrometheusText after, Map<String, StepCalls> journeys,
      Map<String, String> databaseOfTenant, List<ServedCall> calls, long fromNanos, long toNanos) {
    Map<String, List<ServedCall>> callsByDbAndPath = new HashMap<>();
    for (ServedCall call : calls) {
      long completed = call.receivedAtNanos() + call.serviceNanos();
      if (call.database() != null && completed >= fromNanos && completed <= toNanos) {
        callsByDbAndPath.computeIfAbsent(call.database() + " " + call.path(), key -> new ArrayList<>()).add(call);
      }
    }
    callsByDbAndPath.values().forEach(list -> list.sort(Comparator.comparingLong(ServedCall::receivedAtNanos)));

    Map<String, double[]> countAndSumBefore = countAndSum(before);
    List<Long> overhead = new ArrayList<>();
    List<Long> service = new ArrayList<>();
    int unmatched = 0;
    for (Map.Entry<String, double[]> series : countAndSum(after).entrySet()) {
      double[] was = countAndSumBefore.getOrDefault(series.getKey(), new double[2]);
      if (series.getValue()[0] - was[0] != 1) {
        continue;
      }
      String[] key = series.getKey().split(" ");
      StepCalls steps = journeys.get(key[1]);
      StepCalls.Call expected = steps == null ? null : steps.call(key[2]).orElse(null);
      String db = databaseOfTenant.get(key[0]);
      if (expected == null || db == null) {
        continue;
      }
      List<ServedCall> found = callsByDbAndPath.getOrDefault(db + " " + expected.path(), List.of());
      if (found.size() != expected.ofPath()) {
        unmatched++;
        continue;
      }
      long stepNanos = Math.round((series.getValue()[1] - was[1]) * 1e9);
      ServedCall call = found.get(expected.ordinal());
      overhead.add(stepNanos - call.serviceNanos());
      service.add(call.serviceNanos());
    }
    return new Result(overhead, service, unmatched);
  }

  /** {count, sum} of each passed step series, by "tenant journey step". */
  private static Map<String, double[]> countAndSum(PrometheusText scrape) {
    Map<String, double[]> series = new HashMap<>();
    for (String part : new String[] {"_count", "_sum"}) {
      int index = part.equals("_count") ? 0 : 1;
      for (PrometheusText.Sample sample : scrape.samples("vigil_step_duration_seconds" + part)) {
        if (sample.label("outcome").equals("passed")) {
          String key = sample.label("tenant") + " " + sample.label("journey") + " " + sample.label("step");
          series.computeIfAbsent(key, k -> new double[2])[index] = sample.value();
        }
      }
    }
    return series;
  }
}
