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
  private GoalPlanner planner;
  private PlannerState state;
  private Decision<PlannerState> last;
  private boolean measuring;

  @Test
  void measureTheDecisionTimePerEvent() throws IOException {
    Path root = Path.of(System.getProperty("switchboard.root", "../.."));
    AgentLibrary agents =
        AgentLibrary.load(
            new DirectorySpecSource(root.resolve("examples/sales/agents")),
            new AgentSpecParser("human:operators"),
            new InMemorySpecVersions());
    planner =
        new GoalPlanner(
            agents,
            Map.of(PlannerKind.DETERMINISTIC, new DeterministicPlanner()),
            "demo",
            "human:operators",
            Clock.systemUTC());
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
    lines.add(
        String.format("%-18s %8s %8s %8s %8s %8s", "event", "count", "p50", "p90", "p99", "max"));
    List<Long> all = new ArrayList<>();
    nanosByEvent.forEach(
        (event, nanos) -> {
          all.addAll(nanos);
          lines.add(row(event, nanos));
        });
    lines.add(row("all events", all));
    lines.forEach(System.out::println);
    Path report = root.resolve("bench/planner/target/planner-bench.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
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
    last = planner.decide(state, event);
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
