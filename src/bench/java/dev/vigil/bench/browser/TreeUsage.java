package dev.vigil.bench.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of this JVM and every process below it (Playwright drivers,
 * Chromium and its renderers), from {@code /proc}. CPU counts each live process's own time and the
 * time of the children it has reaped, so a browser that has exited still counts (through its
 * driver, or this JVM once the driver exits). Linux only.
 */
final class TreeUsage {
  private static final double TICKS_PER_SECOND = 100;

  private TreeUsage() {}

  /** CPU seconds used so far by the tree. */
  static double cpuSeconds() {
    return processes().mapToDouble(TreeUsage::cpuTicks).sum() / TICKS_PER_SECOND;
  }

  /** Resident memory of the tree now, in MB. */
  static double residentMb() {
    return processes().mapToDouble(TreeUsage::rssKb).sum() / 1024;
  }

  private static Stream<ProcessHandle> processes() {
    return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants());
  }

  private static double cpuTicks(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields from state (3rd in proc(5)): utime is 14th, so index 11; stime, cutime, cstime follow
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static double rssKb(ProcessHandle process) {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(0);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
