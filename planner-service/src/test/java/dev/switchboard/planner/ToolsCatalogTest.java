package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.TimerChange;
import dev.switchboard.planner.llm.ChatReplyReader;
import dev.switchboard.planner.llm.ChatRequest;
import dev.switchboard.planner.llm.ChatTranscript;
import dev.switchboard.planner.spec.AgentLibrary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor's tools catalog in the planner: unknown tools reported per agent (log and health), a
 * goal that would call one waits for it on a durable timer and fails with the reason past the
 * grace, and the LLM planner shows the model each tool as the catalog lists it.
 */
class ToolsCatalogTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final Duration RECHECK = Duration.ofSeconds(1);
  private static final String WORKER =
      """
      name: worker
      tools: [crm.lookup_account, crm.lookup_acount]
      sop:
        - id: typo
          tool: crm.lookup_acount
      """;

  private final AgentLibrary agents = TestAgents.of(WORKER);

  private static final class FakeCatalog implements KnownTools {
    final Map<String, ToolEntry> entries;
    boolean caughtUp = true;

    FakeCatalog(ToolEntry... entries) {
      this.entries =
          new java.util.HashMap<>(
              java.util.Arrays.stream(entries)
                  .collect(java.util.stream.Collectors.toMap(ToolEntry::name, e -> e)));
    }

    @Override
    public Optional<ToolEntry> find(String tool) {
      return Optional.ofNullable(entries.get(tool));
    }

    @Override
    public boolean caughtUp() {
      return caughtUp;
    }
  }

  private static ToolEntry lookup() {
    return new ToolEntry(
        "crm.lookup_account",
        "Looks an account up by id.",
        JSON.readTree(
            "{\"type\": \"object\", \"properties\": {\"account_id\": {\"type\": \"string\"}}}"),
        ToolEntry.Annotations.READ_ONLY,
        true,
        "sales-tools",
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void shouldReportTheToolsAnAgentNamesThatTheCatalogDoesNotList() {
    FakeCatalog catalog = new FakeCatalog(lookup());
    AgentToolsHealthIndicator health = new AgentToolsHealthIndicator(agents, catalog);

    assertThat(health.report()).isEqualTo(Map.of("worker", List.of("crm.lookup_acount")));
    Health reported = health.health(true);
    assertThat(reported.getStatus()).as("never unready for it").isEqualTo(Status.UP);
    assertThat(reported.getDetails())
        .containsEntry("toolsCatalog", "read")
        .containsEntry("unknownTools", Map.of("worker", List.of("crm.lookup_acount")));

    catalog.caughtUp = false;
    assertThat(health.report()).as("a catalog not yet read cannot tell").isEmpty();
  }

  @Test
  void shouldFailAGoalAtOnceWithoutAGraceWhenItsAgentWouldCallAToolTheCatalogDoesNotList() {
    FakeCatalog catalog = new FakeCatalog(lookup());
    GoalDriver goal = new GoalDriver(agents, catalog::unknown, Duration.ZERO, Duration.ZERO);

    goal.submit("worker", "Look it up", Map.of());

    GoalFailed failed = goal.only(GoalFailed.class);
    assertThat(failed.summary()).isEqualTo("Unknown tool");
    assertThat(failed.reason())
        .isEqualTo(
            "agent 'worker' would call crm.lookup_acount, which the executor's tools catalog does"
                + " not list");
  }

  @Test
  void shouldWaitDurablyForAToolTheCatalogDoesNotListYetAndProposeItOnceListed() {
    FakeCatalog catalog = new FakeCatalog(lookup());
    GoalDriver goal = new GoalDriver(agents, catalog::unknown, GRACE, RECHECK);

    goal.submit("worker", "Look it up", Map.of());
    assertThat(goal.last.emit()).as("nothing proposed, nothing failed").isEmpty();
    assertThat(goal.state.toolWait().tools()).containsExactly("crm.lookup_acount");
    assertThat(goal.state.toolWait().until()).isEqualTo(GoalDriver.T0.plus(GRACE));
    assertThat(goal.last.timers())
        .contains(new TimerChange.Schedule(ToolWaitTimer.ID, GoalDriver.T0.plus(RECHECK)));
    assertThat(goal.state.history()).anyMatch(line -> line.contains("waits for tools"));

    goal.clock.advance(RECHECK);
    goal.timerDue(ToolWaitTimer.ID);
    assertThat(goal.last.emit()).as("still not listed").isEmpty();
    assertThat(goal.last.timers())
        .containsExactly(
            new TimerChange.Schedule(
                ToolWaitTimer.ID, GoalDriver.T0.plus(RECHECK.multipliedBy(2))));

    catalog.entries.put("crm.lookup_acount", lookup());
    goal.clock.advance(RECHECK);
    goal.timerDue(ToolWaitTimer.ID);
    StepsProposed proposed = goal.proposed();
    assertThat(proposed.actions())
        .extracting(PlannedAction::tool)
        .containsExactly("crm.lookup_acount");
    assertThat(proposed.causationId())
        .isEqualTo(ToolWaitTimer.causeOf(goal.goalId, GoalDriver.T0.plus(RECHECK.multipliedBy(2))));
    assertThat(goal.state.toolWait()).isNull();
    assertThat(goal.last.timers()).containsExactly(new TimerChange.Cancel(ToolWaitTimer.ID));
  }

  @Test
  void shouldFailTheGoalNamingAgentAndToolWhenTheToolIsStillNotListedAfterTheGrace() {
    FakeCatalog catalog = new FakeCatalog(lookup());
    GoalDriver goal = new GoalDriver(agents, catalog::unknown, GRACE, Duration.ofSeconds(20));
    goal.submit("worker", "Look it up", Map.of());

    goal.clock.advance(Duration.ofSeconds(20));
    goal.timerDue(ToolWaitTimer.ID);
    assertThat(goal.last.emit()).isEmpty();
    assertThat(goal.last.timers())
        .as("the last look is at the end of the grace, not after it")
        .containsExactly(new TimerChange.Schedule(ToolWaitTimer.ID, GoalDriver.T0.plus(GRACE)));

    goal.clock.advance(Duration.ofSeconds(10));
    goal.timerDue(ToolWaitTimer.ID);

    GoalFailed failed = goal.only(GoalFailed.class);
    assertThat(failed.summary()).isEqualTo("Unknown tool");
    assertThat(failed.reason())
        .isEqualTo(
            "agent 'worker' would call crm.lookup_acount, which the executor's tools catalog does"
                + " not list (waited PT30S)");
    assertThat(goal.last.timers()).contains(new TimerChange.Cancel(ToolWaitTimer.ID));
  }

  @Test
  void shouldIgnoreAToolWaitTimerOfAGoalThatNoLongerWaits() {
    GoalDriver goal = new GoalDriver(agents, tool -> false, GRACE, RECHECK);
    goal.submit("worker", "Look it up", Map.of());
    PlannerState before = goal.state;

    goal.timerDue(ToolWaitTimer.ID);

    assertThat(goal.last.emit()).isEmpty();
    assertThat(goal.state).isEqualTo(before);
  }

  @Test
  void shouldShowTheModelEachToolAsTheCatalogListsIt() {
    FakeCatalog catalog = new FakeCatalog(lookup());
    ChatReplyReader reader = new ChatReplyReader(tool -> null);
    ChatTranscript transcript =
        new ChatTranscript(
            reader,
            tool -> catalog.find(tool).map(ToolEntry::inputSchema).orElse(null),
            tool -> catalog.find(tool).map(ToolEntry::description).orElse(null));
    GoalDriver goal = new GoalDriver(agents);
    goal.submit("worker", "Look it up", Map.of());

    ChatRequest request =
        transcript.request(agents.current("worker").orElseThrow().spec(), goal.state);

    ChatRequest.ToolSpec listed = request.tools().getFirst();
    assertThat(listed.name()).isEqualTo("crm__lookup_account");
    assertThat(listed.description()).isEqualTo("Looks an account up by id.");
    assertThat(listed.inputSchema().get("properties").has("account_id")).isTrue();
    assertThat(request.tools().get(1).description())
        .as("a tool the catalog does not list")
        .isEqualTo("The tool crm.lookup_acount.");
  }
}
