package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.Decision;
import dev.switchboard.planner.llm.ChatEffectHandler;
import dev.switchboard.planner.llm.ChatModels;
import dev.switchboard.planner.llm.ChatReplyReader;
import dev.switchboard.planner.llm.ChatTranscript;
import dev.switchboard.planner.llm.LlmPlanner;
import dev.switchboard.planner.llm.LlmProperties;
import dev.switchboard.planner.llm.ModelPrices;
import dev.switchboard.planner.llm.OpenAiStubServer;
import dev.switchboard.planner.spec.PlannerKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A goal of an LLM agent planned by Spring AI's OpenAI chat model over HTTP against the
 * OpenAI-compatible stub: a plan of two lookups, a broken answer that is sent back once, then the
 * finish. Model calls are made the way the edge's durable effect will make them.
 */
class LlmGoalOverOpenAiStubTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String AGENT =
      """
      name: analyst
      planner: llm
      model: {name: stub-model, mode: plan-and-execute}
      tools: [crm.lookup_account]
      budgets: {max-tokens: 10000}
      """;

  private final OpenAiStubServer stub = start();
  private final List<ModelTurn> asked = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();

  private static OpenAiStubServer start() {
    try {
      return new OpenAiStubServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void shouldCompleteTheGoalThroughAPlanABrokenAnswerAndTheFinish() {
    LlmProperties llm =
        new LlmProperties(
            "openai",
            stub.baseUrl(),
            "test-key",
            "stub-model",
            Duration.ofSeconds(20),
            0,
            Map.of());
    ChatEffectHandler handler =
        new ChatEffectHandler(
            ChatClient.builder(ChatModels.of(llm)).build(), llm.model(), llm.timeout(), JSON);
    ChatReplyReader reader = new ChatReplyReader(tool -> null);
    GoalDriver goal =
        new GoalDriver(
            TestAgents.of(AGENT),
            Map.of(
                PlannerKind.LLM,
                new LlmPlanner(new ChatTranscript(reader, tool -> null), reader, tool -> false)),
            (state, turn, request) -> {
              asked.add(turn);
              requests.add(request);
              return Optional.of(Decision.of(state));
            },
            new ModelPrices(
                Map.of("stub-model", new ModelPrices.Price(BigDecimal.ONE, BigDecimal.TEN))));
    stub.toolCalls(
            100,
            20,
            new String[] {"call_1", "crm__lookup_account", "{\"account\":\"ACME\"}"},
            new String[] {"call_2", "crm__lookup_account", "{\"account\":\"Globex\"}"})
        .notJson()
        .toolCalls(
            200,
            10,
            new String[] {"call_3", "switchboard_finish", "{\"summary\":\"ACME is larger\"}"});

    goal.submit("analyst", "Which is larger, ACME or Globex?", Map.of());
    goal.modelReply(asked.getLast().turnId(), handler.handle(requests.getLast()));
    List<PlannedAction> plan = goal.proposed().actions();
    assertThat(plan)
        .extracting(PlannedAction::tool)
        .containsExactly("crm.lookup_account", "crm.lookup_account");

    goal.succeed(plan.get(0).actionId(), "{\"employees\": 1200}");
    goal.succeed(plan.get(1).actionId(), "{\"employees\": 300}");
    goal.modelReply(asked.getLast().turnId(), handler.handle(requests.getLast()));
    assertThat(asked).as("the broken answer is asked again").hasSize(3);
    goal.modelReply(asked.getLast().turnId(), handler.handle(requests.getLast()));

    assertThat(goal.only(GoalCompleted.class).summary()).isEqualTo("ACME is larger");
    assertThat(goal.state.usageOf("analyst").tokens()).isEqualTo(330);
    assertThat(goal.state.usageOf("analyst").cost()).isEqualByComparingTo("0.0006");
    JsonNode third = stub.requests().get(2);
    assertThat(third.get("messages").toString())
        .contains("call_1")
        .contains("{\\\"employees\\\":1200}")
        .contains("Your previous reply could not be used: the model call failed");
  }
}
