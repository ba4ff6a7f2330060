package dev.switchboard.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.planner.DeterministicPlanner;
import dev.switchboard.planner.GoalPlanner;
import dev.switchboard.planner.PlannerState;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.AgentSpecParser;
import dev.switchboard.planner.spec.DirectorySpecSource;
import dev.switchboard.planner.spec.InMemorySpecVersions;
import dev.switchboard.planner.spec.PlannerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deterministic planner's decision time per event: sales goals driven through {@link
 * GoalPlanner#decide} with the events the other services would send, each decision timed. Prints
 * percentiles; asserts only that every goal completed.
 */
class DeterministicPlannerBenchmark {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int WARMUP_GOALS = 2_000;

  private final Map<String, List<Long>> nanosByEvent = new TreeMap<>();

  /** When set, each decision is wrapped in the edge's tracing (see {@link TracedDecisions}). */
  private TracedDecisions tracing;

  private GoalPlanner planner;
  private PlannerState state;
  private Decision<PlannerState> last;
  private boolean measuring;

  @Test
  void measureTheDecisionTimePerEvent() throws IOException {
    Path root = root();
    planner = planner(root);
    int goals = Integer.getInteger("bench.goals", 5_000);

    for (int i = 0; i < WARMUP_GOALS; i++) {
      salesGoal("warm-" + i);
    }
    measuring = true;
    for (int i = 0; i < goals; i++) {
      salesGoal("goal-" + i);
    }

    List<String> lines = new ArrayList<>();
    lines.add(
        "deterministic planner, "
            + goals
            + " sales goals ("
            + Runtime.version()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores): decision time per event, microseconds");
    lines.addAll(table());
    lines.forEach(System.out::println);
    write(root, "planner-bench.txt", lines);
  }

  /**
   * The same goals with and without the edge's per-event tracing (a process span, a send span and
   * its injected headers per event written; every span sampled and exported over OTLP/HTTP to a
   * local receiver), in alternating rounds so both see the same machine.
   */
  @Test
  void measureTheTracingOverhead() throws Exception {
    Path root = root();
    planner = planner(root);
    int goals = Integer.getInteger("bench.goals", 5_000);
    int rounds = 10;
    try (TracedDecisions traced = TracedDecisions.exportingToALocalReceiver()) {
      for (int i = 0; i < WARMUP_GOALS; i++) {
        tracing = i % 2 == 0 ? traced : null;
        salesGoal("warm-" + i);
      }
      measuring = true;
      long[] offNanos = new long[1];
      long[] onNanos = new long[1];
      List<Long> offAll = new ArrayList<>();
      List<Long> onAll = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // Which goes first alternates too: neither inherits the other's garbage every time.
        boolean[] order =
            round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
        for (boolean on : order) {
          tracing = on ? traced : null;
          nanosByEvent.clear();
          long start = System.nanoTime();
          for (int i = 0; i < goals / rounds; i++) {
            salesGoal((on ? "on-" : "off-") + round + "-" + i);
          }
          (on ? onNanos : offNanos)[0] += System.nanoTime() - start;
          nanosByEvent.values().forEach(on ? onAll::addAll : offAll::addAll);
        }
      }
      traced.flush();
      List<String> lines = new ArrayList<>();
      lines.add(
          "tracing overhead on the deterministic planner, "
              + goals
              + " goals each way in "
              + rounds
              + " alternating rounds ("
              + Runtime.version()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " cores), spans exported in "
              + traced.exportedRequests()
              + " OTLP requests");
      lines.add(
          String.format(
              "%-8s %14s %16s %10s %10s",
              "tracing", "events/s wall", "events/s trimmed", "p50 us", "p90 us"));
      lines.add(summary("off", offAll, offNanos[0]));
      lines.add(summary("on", onAll, onNanos[0]));
      lines.add(
          String.format(
              "throughput loss with tracing: %.1f %% wall clock, %.1f %% trimmed (fastest 99 %%"
                  + " of decisions); p50 per event %+.1f %%",
              (1 - (double) offNanos[0] / onNanos[0]) * 100,
              (1 - trimmedSum(offAll) / trimmedSum(onAll)) * 100,
              (percentile(onAll, 0.5) / percentile(offAll, 0.5) - 1) * 100));
      lines.forEach(System.out::println);
      write(root, "tracing-overhead.txt", lines);
    }
  }

  /** Wall-clock rate, and the rate over the fastest 99 % (a busy shared machine's stalls out). */
  private static String summary(String mode, List<Long> nanos, long totalNanos) {
    return String.format(
        "%-8s %14.0f %16.0f %10.1f %10.1f",
        mode,
        nanos.size() / (totalNanos / 1e9),
        nanos.size() * 0.99 / (trimmedSum(nanos) / 1e9),
        percentile(nanos, 0.50),
        percentile(nanos, 0.90));
  }

  private static double trimmedSum(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double sum = 0;
    for (int i = 0; i < (int) (sorted.length * 0.99); i++) {
      sum += sorted[i];
    }
    return sum;
  }

  private static double percentile(List<Long> nanos, double quantile) {
    return at(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), quantile);
  }

  private List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format("%-18s %8s %8s %8s %8s %8s", "event", "count", "p50", "p90", "p99", "max"));
    List<Long> all = new ArrayList<>();
    nanosByEvent.forEach(
        (event, nanos) -> {
          all.addAll(nanos);
          lines.add(row(event, nanos));
        });
    lines.add(row("all events", all));
    return lines;
  }

  private static void write(Path root, String name, List<String> lines) throws IOException {
    Path report = root.resolve("bench/planner/target/" + name);
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
  }

  private static Path root() {
    return Path.of(System.getProperty("switchboard.root", "../.."));
  }

  private static GoalPlanner planner(Path root) {
    AgentLibrary agents =
        AgentLibrary.load(
            new DirectorySpecSource(root.resolve("examples/sales/agents")),
            new AgentSpecParser("human:operators"),
            new InMemorySpecVersions());
    return new GoalPlanner(
        agents,
        Map.of(PlannerKind.DETERMINISTIC, new DeterministicPlanner()),
        "demo",
        "human:operators",
        Clock.systemUTC());
  }

  /** One goal of the sales case, each decision timed. */
  private void salesGoal(String goalId) {
    state = null;
    apply(
        new GoalSubmitted(
            goalId,
            UUID.randomUUID(),
            null,
            Instant.now(),
            "sdr",
            "Tell ACME about the new pricing",
            Map.of("account", "ACME")));
    succeed(
        only(StepsProposed.class).actions().getFirst(),
        "{\"id\": \"A-1\", \"name\": \"ACME Corp\", \"status\": \"prospect\"}");
    handOver();
    List<PlannedAction> research = only(StepsProposed.class).actions();
    succeed(
        research.get(1),
        "{\"contact\": \"pat@acme.example\", \"name\": \"Pat Lee\", \"title\": \"VP\"}");
    succeed(research.get(0), "{\"industry\": \"Manufacturing\", \"employees\": 1200}");
    handOver();
    handOver();
    succeed(
        only(StepsProposed.class).actions().getFirst(),
        "{\"subject\": \"New pricing\", \"body\": \"Hi Pat\"}");
    handOver();
    PlannedAction send = only(StepsProposed.class).actions().getFirst();
    apply(
        new ActionEscalated(
            goalId,
            UUID.randomUUID(),
            null,
            Instant.now(),
            send.actionId(),
            "outbound",
            "esc-" + goalId,
            "approval"));
    apply(
        new ActionAllowed(
            goalId, UUID.randomUUID(), null, Instant.now(), send.actionId(), "approved-by-human"));
    succeed(send, "{\"message_id\": \"m-1\"}");
    List<PlannedAction> after = only(StepsProposed.class).actions();
    succeed(after.get(0), "{\"activity_id\": \"a-1\"}");
    succeed(after.get(1), "{\"event_id\": \"e-1\"}");
    only(GoalCompleted.class);
  }

  private void handOver() {
    HandoffProposed handoff = only(HandoffProposed.class);
    apply(
        new Reassigned(
            handoff.goalId(),
            UUID.randomUUID(),
            handoff.eventId(),
            Instant.now(),
            "h-" + handoff.eventId(),
            "system:handoff",
            handoff.target()));
  }

  private void succeed(PlannedAction action, String output) {
    apply(
        new ActionSucceeded(
            state.goalId(),
            UUID.randomUUID(),
            null,
            Instant.now(),
            action.actionId(),
            action.tool(),
            json(output)));
  }

  private void apply(SwitchboardEvent event) {
    long start = System.nanoTime();
    last =
        tracing == null
            ? planner.decide(state, event)
            : tracing.decide(event, (e, context) -> planner.decide(state, e, context));
    long took = System.nanoTime() - start;
    state = last.state();
    if (measuring) {
      nanosByEvent
          .computeIfAbsent(event.getClass().getSimpleName(), k -> new ArrayList<>())
          .add(took);
    }
  }

  private <T extends SwitchboardEvent> T only(Class<T> type) {
    assertThat(last.emit()).hasSize(1).first().isInstanceOf(type);
    return type.cast(last.emit().getFirst());
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static String row(String event, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        "%-18s %8d %8.1f %8.1f %8.1f %8.1f",
        event,
        sorted.length,
        at(sorted, 0.50),
        at(sorted, 0.90),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1_000.0);
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]
        / 1_000.0;
  }
}
