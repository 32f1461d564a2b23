package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a process's CPU went, thread by thread: user + system ticks of each
 * {@code /proc/<pid>/task/<tid>/stat}, named with the full Java thread names of
 * {@code jcmd <pid> Thread.print} ({@code /proc} cuts names to 15 characters, so every Vert.x event
 * loop would read {@code vert.x-eventloo}). Tells one saturated event loop from a busy process.
 */
final class ThreadCpu {
  private static final Pattern THREAD = Pattern.compile("^\"(.+?)\".* nid=(0x[0-9a-f]+|\\d+)");

  private ThreadCpu() {}

  /** CPU seconds of each thread so far, by thread id; threads that ended are missing. */
  static Map<Long, Double> read(long pid, double ticksPerSecond) {
    Map<Long, Double> cpu = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          cpu.put(Long.parseLong(task.getFileName().toString()),
              (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerSecond);
        } catch (IOException threadEnded) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return cpu;
  }

  /**
   * The busiest threads between two readings, as "name 42.0 %" (100 % = one core), at most
   * {@code limit}, busiest first; names from {@code jcmd}, else from {@code /proc}.
   */
  static List<String> busiest(long pid, Map<Long, Double> before, Map<Long, Double> after, double seconds,
      int limit) {
    Map<Long, String> names = javaNames(pid);
    List<Map.Entry<Long, Double>> used = new ArrayList<>();
    after.forEach((tid, cpu) -> used.add(Map.entry(tid, cpu - before.getOrDefault(tid, 0.0))));
    used.sort(Map.Entry.<Long, Double>comparingByValue().reversed());
    return used.stream().limit(limit)
        .map(entry -> String.format(Locale.ROOT, "%s %.1f %%",
            names.getOrDefault(entry.getKey(), procName(pid, entry.getKey())), 100 * entry.getValue() / seconds))
        .toList();
  }

  /** Java thread names by native thread id, from {@code jcmd <pid> Thread.print}; empty if jcmd fails. */
  private static Map<Long, String> javaNames(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Map<Long, String> names = new HashMap<>();
    try {
      Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return names;
      }
      for (String line : output.split("\n")) {
        Matcher thread = THREAD.matcher(line);
        if (thread.find()) {
          String nid = thread.group(2);
          names.put(nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid), thread.group(1));
        }
      }
    } catch (IOException e) {
      return names;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return names;
  }

  private static String procName(long pid, long tid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "comm")).trim();
    } catch (IOException e) {
      return "thread " + tid;
    }
  }
}
