package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.GoalStates;
import dev.switchboard.edge.testing.TopicProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * A goal whose agent would call a tool the {@code tools} catalog does not list yet waits for it on
 * a durable timer: proposed once the tool is published, failed naming agent and tool after the
 * grace. One planner on the shared embedded broker, under its own topic prefix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownToolWaitIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration GRACE = Duration.ofSeconds(15);
  private static final String LATE =
      """
      name: late
      tools: [late.lookup]
      sop:
        - id: lookup
          tool: late.lookup
      """;
  private static final String TYPO =
      """
      name: typo
      tools: [never.listed]
      sop:
        - id: lookup
          tool: never.listed
      """;

  @TempDir static Path agentsDir;
  private ConfigurableApplicationContext planner;
  private TopicProbe probe;
  private GoalStates<PlannerState> states;

  @BeforeAll
  void startPlanner() throws IOException {
    Files.writeString(agentsDir.resolve("late.yaml"), LATE);
    Files.writeString(agentsDir.resolve("typo.yaml"), TYPO);
    String brokers = System.getProperty("spring.embedded.kafka.brokers");
    String prefix = "toolwait-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, String> properties =
        Map.of(
            "spring.kafka.bootstrap-servers",
            brokers,
            "server.port",
            "0",
            "switchboard.kafka.topic-prefix",
            prefix,
            "switchboard.planner.agents-dir",
            agentsDir.toString(),
            "switchboard.planner.default-agent",
            "late",
            "switchboard.planner.reload-interval",
            "0",
            "switchboard.planner.unknown-tool-grace",
            GRACE.toString(),
            "switchboard.planner.unknown-tool-recheck",
            "500ms");
    // As arguments: they rank above application.yml (builder properties are only defaults).
    planner =
        new SpringApplicationBuilder(PlannerApplication.class)
            .run(
                properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new));
    probe = new TopicProbe(brokers, planner.getBean(TopicNames.class));
    states =
        new GoalStates<>(
            planner.getBean("&goalStreams", StreamsBuilderFactoryBean.class),
            planner.getBean(EventCodec.class),
            PlannerState.class);
  }

  @AfterAll
  void stopPlanner() {
    if (probe != null) {
      probe.close();
    }
    if (planner != null) {
      planner.close();
    }
  }

  @Test
  void shouldProposeTheStepOnceItsToolIsPublishedWhileTheGoalWaits() {
    GoalSubmitted goal = submit("late");
    ToolWait wait =
        await()
            .atMost(TIMEOUT)
            .ignoreExceptions()
            .until(() -> states.get(goal.goalId()).orElseThrow().toolWait(), w -> w != null);
    assertThat(wait.tools()).containsExactly("late.lookup");

    publish("late.lookup");

    StepsProposed proposed =
        probe.awaitEvent(Topics.PLAN, goal.goalId(), StepsProposed.class, TIMEOUT);
    assertThat(proposed.actions()).extracting(PlannedAction::tool).containsExactly("late.lookup");
    assertThat(proposed.causationId())
        .as("proposed by a look of the durable timer, not by the submission")
        .isNotEqualTo(goal.eventId());
    assertThat(states.get(goal.goalId()).orElseThrow().toolWait()).isNull();
  }

  @Test
  void shouldFailTheGoalNamingAgentAndToolWhenTheToolIsNotListedWithinTheGrace() {
    GoalSubmitted goal = submit("typo");

    GoalFailed failed =
        probe.awaitEvent(Topics.OUTCOME, goal.goalId(), GoalFailed.class, TIMEOUT.plus(GRACE));

    assertThat(failed.summary()).isEqualTo("Unknown tool");
    assertThat(failed.reason())
        .isEqualTo(
            "agent 'typo' would call never.listed, which the executor's tools catalog does not"
                + " list (waited "
                + GRACE
                + ")");
    assertThat(failed.occurredAt()).isAfterOrEqualTo(goal.occurredAt().plus(GRACE));
  }

  private GoalSubmitted submit(String agent) {
    GoalSubmitted goal =
        new GoalSubmitted(
            "goal-" + UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            Instant.now(),
            agent,
            "Look it up",
            Map.of());
    probe.send(Topics.GOALS, goal);
    return goal;
  }

  /** What the executor does once an MCP server answers: the tool on the compacted catalog. */
  private void publish(String tool) {
    ToolEntry entry =
        new ToolEntry(
            tool,
            "Looks it up.",
            null,
            ToolEntry.Annotations.READ_ONLY,
            true,
            "late-server",
            Instant.now());
    probe.sendRaw(
        probe.names().of(Catalogs.TOOLS), tool, probe.codec().mapper().writeValueAsBytes(entry));
  }
}
