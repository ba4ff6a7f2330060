package dev.switchboard.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds (user + system) a process has used, from {@code /proc/<pid>/stat}, for the stack's
 * processes by their pid files. A burst's CPU per step is the difference of two readings divided by
 * its steps: a figure of the work, where wall-clock steps/s on a shared two-core machine follows
 * whatever else runs.
 */
final class CpuProbe {
  /** The kernel's clock ticks per second for utime and stime ({@code getconf CLK_TCK}). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, String> pids = new LinkedHashMap<>();

  /**
   * The components whose pid files {@code pidDir} holds, and {@code others} (a name and a pid each,
   * e.g. the tracing bench's OTLP receiver).
   */
  CpuProbe(Path pidDir, List<String> components, Map<String, String> others) {
    for (String component : components) {
      try {
        pids.put(component, Files.readString(pidDir.resolve(component + ".pid")).trim());
      } catch (IOException e) {
        // Not running: not measured.
      }
    }
    pids.putAll(others);
  }

  /** CPU seconds by component, for each that still runs. */
  Map<String, Double> cpuSeconds() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    pids.forEach(
        (component, pid) -> {
          try {
            seconds.put(component, ofStat(Files.readString(Path.of("/proc", pid, "stat"))));
          } catch (IOException | RuntimeException e) {
            // Gone: not measured.
          }
        });
    return seconds;
  }

  /** utime + stime of one {@code /proc/<pid>/stat} line; its command name may hold spaces. */
  static double ofStat(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /** Milliseconds per step of each component between two readings, and their total. */
  static Map<String, Double> msPerStep(
      Map<String, Double> before, Map<String, Double> after, long steps) {
    Map<String, Double> perStep = new LinkedHashMap<>();
    double total = 0;
    for (var entry : after.entrySet()) {
      Double start = before.get(entry.getKey());
      if (start != null) {
        double ms = (entry.getValue() - start) * 1000 / steps;
        perStep.put(entry.getKey(), Math.round(ms * 100) / 100.0);
        total += ms;
      }
    }
    perStep.put("total", Math.round(total * 100) / 100.0);
    return perStep;
  }
}
