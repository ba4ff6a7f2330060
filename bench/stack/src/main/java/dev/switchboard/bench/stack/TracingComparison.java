package dev.switchboard.bench.stack;

import dev.switchboard.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * The tracing bench's verdict ({@code bin/switchboard bench tracing}): two stack-bench results of
 * one run, tracing off and on, side by side: the throughput lost and the per-step p50 added.
 */
public final class TracingComparison {
  private static final double MAX_THROUGHPUT_LOSS = 5.0;
  private static final double MAX_STEP_P50_ADDED = 2.0;

  private TracingComparison() {}

  /** {@code <off dir> <on dir> [<receiver stats file>]}; writes {@code tracing-bench.md}. */
  static void run(String[] args) throws Exception {
    Path offDir = Path.of(args[0]);
    Path onDir = Path.of(args[1]);
    JsonNode off = read(offDir);
    JsonNode on = read(onDir);
    double offSteps = off.path("throughput").path("steps_per_second").asDouble();
    double onSteps = on.path("throughput").path("steps_per_second").asDouble();
    double offP50 = off.path("step").path("p50_ms").asDouble();
    double onP50 = on.path("step").path("p50_ms").asDouble();
    double offP99 = off.path("step").path("p99_ms").asDouble();
    double onP99 = on.path("step").path("p99_ms").asDouble();
    double loss = 100 * (offSteps - onSteps) / offSteps;
    double added = 100 * (onP50 - offP50) / offP50;
    StringBuilder table = new StringBuilder();
    table.append("| | tracing off | tracing on (OTLP export) | change | target |\n");
    table.append("|---|---|---|---|---|\n");
    table.append(
        String.format(
            "| throughput, %d goals at once | %.0f steps/s | %.0f steps/s | %+.1f %% | loss ≤ %.0f %% (%s) |%n",
            off.path("throughput").path("goals").asInt(),
            offSteps,
            onSteps,
            -loss,
            MAX_THROUGHPUT_LOSS,
            loss <= MAX_THROUGHPUT_LOSS ? "met" : "missed"));
    table.append(
        String.format(
            "| one step, p50 | %.1f ms | %.1f ms | %+.1f %% | added ≤ %.0f %% (%s) |%n",
            offP50,
            onP50,
            added,
            MAX_STEP_P50_ADDED,
            added <= MAX_STEP_P50_ADDED ? "met" : "missed"));
    table.append(
        String.format(
            "| one step, p99 | %.1f ms | %.1f ms | %+.1f %% | — |%n",
            offP99, onP99, 100 * (onP99 - offP99) / offP99));
    table.append(
        String.format(
            "%nload at start / end: off %s / %s; on %s / %s%n",
            off.path("load_at_start").asString(),
            off.path("load_at_end").asString(),
            on.path("load_at_start").asString(),
            on.path("load_at_end").asString()));
    if (args.length > 2 && Files.exists(Path.of(args[2]))) {
      table
          .append("OTLP receiver: ")
          .append(Files.readString(Path.of(args[2])).trim().replace('\n', ','))
          .append('\n');
    }
    System.out.println(table);
    Files.writeString(onDir.getParent().resolve("tracing-bench.md"), table, StandardCharsets.UTF_8);
  }

  private static JsonNode read(Path dir) throws Exception {
    return new EventCodec().mapper().readTree(Files.readString(dir.resolve("stack-bench.json")));
  }
}
