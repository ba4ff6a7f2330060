package dev.switchboard.bench.stack;

import dev.switchboard.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The tracing bench's verdict ({@code bin/switchboard bench tracing}): the stack-bench results of
 * alternating rounds, tracing off and on, each round its own row, then the medians of each side and
 * the median of the paired ratios (the k-th on round against the k-th off round) against the
 * issue's targets: throughput lost and per-step p50 added.
 */
public final class TracingComparison {
  private static final double MAX_THROUGHPUT_LOSS = 5.0;
  private static final double MAX_STEP_P50_ADDED = 2.0;

  private TracingComparison() {}

  private record Round(
      String name,
      boolean on,
      double stepsPerSecond,
      double p50,
      double p99,
      int goals,
      int concurrentGoals,
      String loadStart,
      String loadEnd,
      Map<String, Long> receiver,
      Map<String, Double> cpuMsPerStep) {}

  /**
   * {@code <round dir>...}, each named {@code round-<n>-off} or {@code round-<n>-on} (an on round
   * holds the receiver's {@code otlp-receiver.txt}); writes {@code tracing-bench.md} beside them.
   */
  static void run(String[] args) throws Exception {
    List<Round> rounds = new ArrayList<>();
    for (String arg : args) {
      rounds.add(read(Path.of(arg)));
    }
    List<Round> off = rounds.stream().filter(r -> !r.on()).toList();
    List<Round> on = rounds.stream().filter(Round::on).toList();
    StringBuilder table = new StringBuilder();
    table.append(
        "| round | tracing | load at start / end | steps/s | step p50 | step p99 | spans exported"
            + " (per goal) |\n");
    table.append("|---|---|---|---|---|---|---|\n");
    for (Round r : rounds) {
      String spans =
          r.on()
              ? String.format(
                  "%d (%.1f) in %d requests%s",
                  r.receiver().getOrDefault("spans", 0L),
                  r.receiver().getOrDefault("spans", 0L) / (double) r.goals(),
                  r.receiver().getOrDefault("requests", 0L),
                  r.receiver().getOrDefault("unreadable", 0L) > 0
                      ? ", " + r.receiver().get("unreadable") + " unreadable"
                      : "")
              : "—";
      table.append(
          String.format(
              "| %s | %s | %s / %s | %.2f | %.1f ms | %.1f ms | %s |%n",
              r.name(),
              r.on() ? "on" : "off",
              firstThree(r.loadStart()),
              firstThree(r.loadEnd()),
              r.stepsPerSecond(),
              r.p50(),
              r.p99(),
              spans));
    }
    int pairs = Math.min(off.size(), on.size());
    List<Double> throughputRatios = new ArrayList<>();
    List<Double> p50Ratios = new ArrayList<>();
    List<Double> p99Ratios = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      throughputRatios.add(on.get(i).stepsPerSecond() / off.get(i).stepsPerSecond());
      p50Ratios.add(on.get(i).p50() / off.get(i).p50());
      p99Ratios.add(on.get(i).p99() / off.get(i).p99());
    }
    double offSteps = median(off.stream().map(Round::stepsPerSecond).toList());
    double onSteps = median(on.stream().map(Round::stepsPerSecond).toList());
    double offP50 = median(off.stream().map(Round::p50).toList());
    double onP50 = median(on.stream().map(Round::p50).toList());
    double offP99 = median(off.stream().map(Round::p99).toList());
    double onP99 = median(on.stream().map(Round::p99).toList());
    double loss = 100 * (1 - median(throughputRatios));
    double added = 100 * (median(p50Ratios) - 1);
    table.append(
        String.format(
            "%n| median of %d off / %d on rounds | tracing off | tracing on (OTLP export) | median"
                + " paired ratio (on / off) | target |%n",
            off.size(), on.size()));
    table.append("|---|---|---|---|---|\n");
    table.append(
        String.format(
            "| throughput, %d goals at once | %.2f steps/s | %.2f steps/s | %.3f× (%+.1f %%) | loss"
                + " ≤ %.0f %% (%s) |%n",
            rounds.getFirst().concurrentGoals(),
            offSteps,
            onSteps,
            median(throughputRatios),
            -loss,
            MAX_THROUGHPUT_LOSS,
            loss <= MAX_THROUGHPUT_LOSS ? "met" : "missed"));
    table.append(
        String.format(
            "| one step, p50 | %.1f ms | %.1f ms | %.3f× (%+.1f %%) | added ≤ %.0f %% (%s) |%n",
            offP50,
            onP50,
            median(p50Ratios),
            added,
            MAX_STEP_P50_ADDED,
            added <= MAX_STEP_P50_ADDED ? "met" : "missed"));
    table.append(
        String.format(
            "| one step, p99 | %.1f ms | %.1f ms | %.3f× | — |%n",
            offP99, onP99, median(p99Ratios)));
    table.append(
        String.format(
            "%npaired ratios, round by round: throughput %s; step p50 %s%n",
            format(throughputRatios), format(p50Ratios)));
    table.append(cpuTable(off, on));
    if (pairs < 2) {
      table.append(
          "one pair of rounds only: too few for a verdict on a shared machine (run --rounds=3)\n");
    }
    System.out.println(table);
    Path first = Path.of(args[0]).toAbsolutePath();
    Files.writeString(first.getParent().resolve("tracing-bench.md"), table, StandardCharsets.UTF_8);
  }

  private static Round read(Path dir) throws Exception {
    JsonNode json =
        new EventCodec().mapper().readTree(Files.readString(dir.resolve("stack-bench.json")));
    boolean on = dir.getFileName().toString().endsWith("-on");
    Map<String, Long> receiver = new HashMap<>();
    Path stats = dir.resolve("otlp-receiver.txt");
    if (Files.exists(stats)) {
      for (String line : Files.readAllLines(stats)) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) {
          receiver.put(parts[0], Long.parseLong(parts[1]));
        }
      }
    }
    Map<String, Double> cpu = new LinkedHashMap<>();
    json.path("throughput")
        .path("cpu_ms_per_step")
        .properties()
        .forEach(entry -> cpu.put(entry.getKey(), entry.getValue().asDouble()));
    return new Round(
        dir.getFileName().toString().replaceAll("-(on|off)$", ""),
        on,
        // From the goals and seconds: the JSON's steps_per_second is rounded to a whole number.
        json.path("throughput").path("goals").asDouble()
            * StackBench.AGENT_STEPS
            / json.path("throughput").path("seconds").asDouble(),
        json.path("step").path("p50_ms").asDouble(),
        json.path("step").path("p99_ms").asDouble(),
        json.path("goals_submitted").asInt(1),
        json.path("throughput").path("goals").asInt(),
        json.path("load_at_start").asString(),
        json.path("load_at_end").asString(),
        receiver,
        cpu);
  }

  /**
   * CPU per step of each process, median of each side, and what tracing adds: a figure of the work
   * that the machine's other load moves far less than steps/s.
   */
  private static String cpuTable(List<Round> off, List<Round> on) {
    Set<String> components = new LinkedHashSet<>();
    off.forEach(r -> components.addAll(r.cpuMsPerStep().keySet()));
    on.forEach(r -> components.addAll(r.cpuMsPerStep().keySet()));
    components.remove("total");
    components.add("total");
    if (components.size() == 1) {
      return "";
    }
    StringBuilder table = new StringBuilder();
    table.append(
        "%n| CPU per step (ms, user + system; median) | tracing off | tracing on | added by tracing |%n"
            .formatted());
    table.append("|---|---|---|---|\n");
    for (String component : components) {
      double offMs = median(cpuOf(off, component));
      double onMs = median(cpuOf(on, component));
      table.append(
          String.format(
              "| %s | %s | %s | %+.2f (%s) |%n",
              component,
              Double.isNaN(offMs) ? "—" : String.format("%.2f", offMs),
              Double.isNaN(onMs) ? "—" : String.format("%.2f", onMs),
              onMs - (Double.isNaN(offMs) ? 0 : offMs),
              Double.isNaN(offMs) || offMs == 0
                  ? "—"
                  : String.format("%+.1f %%", 100 * (onMs / offMs - 1))));
    }
    double offTotal = median(cpuOf(off, "total"));
    double onTotal = median(cpuOf(on, "total"));
    if (!Double.isNaN(offTotal) && !Double.isNaN(onTotal) && onTotal > 0) {
      // Steps/s of a saturated machine is its cores over the CPU a step takes, so the CPU per
      // step gives the loss with far less of the round-to-round swing of steps/s.
      table.append(
          String.format(
              "%nthroughput loss from the CPU per step (a saturated machine: steps/s = cores ÷"
                  + " CPU per step): %.1f %%%n",
              100 * (1 - offTotal / onTotal)));
    }
    return table.toString();
  }

  private static List<Double> cpuOf(List<Round> rounds, String component) {
    return rounds.stream()
        .map(r -> r.cpuMsPerStep().get(component))
        .filter(Objects::nonNull)
        .toList();
  }

  private static String firstThree(String loadavg) {
    String[] parts = loadavg.split(" ");
    return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : loadavg;
  }

  private static String format(List<Double> ratios) {
    return ratios.stream().map(r -> String.format("%.3f", r)).toList().toString();
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
