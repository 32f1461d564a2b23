package dev.vigil.bench;

import java.util.Map;

/**
 * What is read outside Vigil at one instant: the monotonic time, the CPU seconds of Vigil, of this
 * JVM and of the whole machine, and the sandbox's counts (calls by path, logins, calls that waited
 * for a worker).
 */
record Mark(long nanos, double vigilCpu, double benchCpu, double machineCpu, Map<String, Long> callsByPath,
    long authentications, long waits) {

  static Mark take(ProcessSampler vigil, ProcessSampler bench, SandboxFleet fleet, double ticksPerSecond) {
    return new Mark(System.nanoTime(), vigil.cpuSeconds(), bench.cpuSeconds(),
        ProcessSampler.machineBusySeconds(ticksPerSecond), fleet.calls().byPath(), fleet.authentications(),
        fleet.waitedCalls());
  }

  long calls() {
    return callsByPath.values().stream().mapToLong(Long::longValue).sum();
  }

  double secondsSince(Mark earlier) {
    return (nanos - earlier.nanos) / 1e9;
  }
}
