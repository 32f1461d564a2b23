package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what Linux accounts for one process: CPU time from {@code /proc/<pid>/stat} (user + system
 * clock ticks, all threads, children excluded) and the resident set from {@code /proc/<pid>/status}
 * ({@code VmRSS}). CPU % over a window is the difference of two
 * readings divided by the wall time: 100 % is one core busy.
 */
final class ProcessSampler {
  private final long pid;
  private final double ticksPerSecond;

  ProcessSampler(long pid, double ticksPerSecond) {
    this.pid = pid;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** A sampler of this benchmark's own process (the sandbox fleet runs in it). */
  static ProcessSampler self(double ticksPerSecond) {
    return new ProcessSampler(ProcessHandle.current().pid(), ticksPerSecond);
  }

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 on every usual Linux. */
  static double clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /**
   * CPU seconds every process of the machine used so far ({@code /proc/stat}: user, nice, system,
   * irq, softirq, steal), to tell how busy the rest of the machine was.
   */
  static double machineBusySeconds(double ticksPerSecond) {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(cpu[field]);
      }
      return busy / ticksPerSecond;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/stat", e);
    }
  }

  /** CPU seconds the process used so far, user and system. */
  double cpuSeconds() {
    String stat = read("stat");
    // the command name (field 2) is in parentheses and may hold spaces: count fields after it
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / ticksPerSecond;
  }

  /** Resident set size now, in bytes. */
  long rssBytes() {
    return statusKilobytes("VmRSS:") * 1024;
  }

  private long statusKilobytes(String field) {
    for (String line : read("status").split("\n")) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new BenchmarkFailure("no " + field + " in /proc/" + pid + "/status");
  }

  private String read(String file) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (has the process ended?)", e);
    }
  }
}
