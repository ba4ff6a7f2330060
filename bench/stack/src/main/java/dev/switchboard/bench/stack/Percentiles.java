package dev.switchboard.bench.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** p50 / p99 of a sample, in milliseconds. */
record Percentiles(double p50, double p99, int count) {

  static Percentiles ofNanos(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return new Percentiles(Double.NaN, Double.NaN, 0);
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return new Percentiles(millis(sorted, 50), millis(sorted, 99), sorted.size());
  }

  private static double millis(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1_000_000.0;
  }

  Map<String, Object> json() {
    return Map.of("p50_ms", round(p50), "p99_ms", round(p99), "n", count);
  }

  String text() {
    return String.format("%.0f / %.0f ms", p50, p99);
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
