package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.GoalStates;
import dev.switchboard.edge.testing.TopicProbe;
import dev.switchboard.planner.llm.OpenAiStubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The LLM planner's model call is a durable effect: the planner is stopped while its model call is
 * under way (the call never answers), a fresh planner takes over, runs the call again and applies
 * its answer once — one proposal, its tokens counted once. On the shared embedded broker, with the
 * OpenAI-compatible stub as the model.
 */
class ModelCallRestartIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String AGENT =
      """
      name: analyst
      description: Looks an account up.
      instructions: You look accounts up.
      planner: llm
      model: {name: stub-model, mode: plan-and-execute}
      tools: [crm.lookup_account]
      budgets: {max-tokens: 10000}
      """;

  @TempDir Path agentsDir;

  private final OpenAiStubServer stub = startStub();
  private final CountDownLatch never = new CountDownLatch(1);
  private ConfigurableApplicationContext planner;

  @AfterEach
  void stop() {
    never.countDown();
    if (planner != null) {
      planner.close();
    }
    stub.close();
  }

  @Test
  void shouldApplyTheModelsAnswerOnceWhenThePlannerRestartsDuringTheCall() throws IOException {
    Files.writeString(agentsDir.resolve("analyst.yaml"), AGENT);
    stub.held(never, OpenAiStubServer.textAnswer("never sent"))
        .toolCalls(100, 20, new String[] {"c1", "crm__lookup_account", "{\"account\": \"ACME\"}"});
    String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, Object> properties = properties(prefix);

    planner = start(properties);
    TopicNames names = planner.getBean(TopicNames.class);
    String brokers = System.getProperty("spring.embedded.kafka.brokers");
    try (TopicProbe probe = new TopicProbe(brokers, names)) {
      GoalSubmitted goal =
          new GoalSubmitted(
              "goal-" + UUID.randomUUID(),
              UUID.randomUUID(),
              null,
              Instant.now(),
              "analyst",
              "How large is ACME?",
              Map.of());
      probe.send(Topics.GOALS, goal);
      await().atMost(TIMEOUT).until(() -> stub.requests().size() == 1);

      planner.close();
      planner = start(properties);

      StepsProposed proposed =
          probe.awaitEvent(Topics.PLAN, goal.goalId(), StepsProposed.class, TIMEOUT);
      assertThat(proposed.actions())
          .extracting(PlannedAction::actionId, PlannedAction::tool)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  goal.goalId() + "/analyst/t1-1", "crm.lookup_account"));
      assertThat(stub.requests()).as("the call ran again after the restart").hasSize(2);
      assertThat(proposed.usage())
          .as("the proposal reports the one answered call")
          .isEqualTo(
              new dev.switchboard.contracts.event.ModelUsage(
                  1, 100, 20, java.math.BigDecimal.ZERO, "USD"));
      GoalStates<PlannerState> states =
          new GoalStates<>(
              planner.getBean("&goalStreams", StreamsBuilderFactoryBean.class),
              planner.getBean(EventCodec.class),
              PlannerState.class);
      PlannerState state =
          await()
              .atMost(TIMEOUT)
              .ignoreExceptions()
              .until(() -> states.get(goal.goalId()).orElseThrow(), s -> true);
      assertThat(state.turnsOf("analyst")).as("one turn, answered once").hasSize(1);
      assertThat(state.usageOf("analyst").tokens()).as("tokens counted once").isEqualTo(120);
      List<PlanEvent> plans = probe.events(Topics.PLAN, goal.goalId());
      assertThat(plans).as("one proposal").hasSize(1);
    }
  }

  private Map<String, Object> properties(String prefix) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(
        "spring.kafka.bootstrap-servers", System.getProperty("spring.embedded.kafka.brokers"));
    properties.put("server.port", "0");
    properties.put("switchboard.kafka.topic-prefix", prefix);
    properties.put("switchboard.planner.agents-dir", agentsDir.toString());
    properties.put("switchboard.planner.default-agent", "analyst");
    properties.put("switchboard.planner.reload-interval", "0");
    // No executor publishes this prefix's tools catalog (UnknownToolWaitIT covers that wait).
    properties.put("switchboard.planner.require-known-tools", "false");
    properties.put("switchboard.planner.llm.provider", "openai");
    properties.put("switchboard.planner.llm.base-url", stub.baseUrl());
    properties.put("switchboard.planner.llm.api-key", "test-key");
    properties.put("switchboard.planner.llm.model", "stub-model");
    properties.put("switchboard.planner.llm.max-retries", "0");
    properties.put("switchboard.planner.llm.timeout", "60s");
    // A stopping planner does not wait for the call that never answers.
    properties.put("switchboard.effects.shutdown-grace", "100ms");
    return properties;
  }

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    // As arguments: they rank above application.yml (builder properties are only defaults).
    return new SpringApplicationBuilder(PlannerApplication.class)
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private static OpenAiStubServer startStub() {
    try {
      return new OpenAiStubServer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
