package dev.switchboard.planner;

import static dev.switchboard.planner.llm.ScriptedChatModel.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.Decision;
import dev.switchboard.planner.llm.ChatEffectHandler;
import dev.switchboard.planner.llm.ChatReplyReader;
import dev.switchboard.planner.llm.ChatTranscript;
import dev.switchboard.planner.llm.LlmPlanner;
import dev.switchboard.planner.llm.ModelPrices;
import dev.switchboard.planner.llm.ScriptedChatModel;
import dev.switchboard.planner.spec.PlannerKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LLM planner with a scripted chat model: the planner asks (a model call the edge would run as
 * a durable effect), the {@link ChatEffectHandler} runs it through Spring AI's ChatClient with tool
 * execution off, and the checked reply becomes proposals. No real provider, no network.
 */
class LlmPlannerTest {
  private static final String AGENT =
      """
      name: analyst
      description: Looks up two accounts and reports.
      instructions: You compare accounts.
      planner: llm
      model: {name: scripted-1, mode: MODE, temperature: 0.1}
      tools: [crm.lookup_account, crm.log_activity]
      handoffs: [human:sales-ops]
      budgets: {max-steps: 10, max-tokens: 1000, max-cost: 1.00}
      """;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ModelPrices PRICES =
      new ModelPrices(
          Map.of("scripted-1", new ModelPrices.Price(new BigDecimal("2"), new BigDecimal("8"))));

  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ChatEffectHandler handler =
      new ChatEffectHandler(
          ChatClient.builder(model).build(),
          "default-model",
          java.time.Duration.ofMinutes(1),
          JSON);
  private final List<ModelTurn> asked = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final ModelCalls recorded =
      (goal, turn, request) -> {
        asked.add(turn);
        requests.add(request);
        return Optional.of(Decision.of(goal));
      };

  private GoalDriver goal(String mode) {
    ChatReplyReader reader = new ChatReplyReader(tool -> null);
    LlmPlanner planner =
        new LlmPlanner(
            new ChatTranscript(reader, tool -> null),
            reader,
            tool -> tool.equals("crm.log_activity"));
    return new GoalDriver(
        TestAgents.of(AGENT.replace("MODE", mode)),
        Map.of(PlannerKind.LLM, planner, PlannerKind.DETERMINISTIC, new DeterministicPlanner()),
        recorded,
        PRICES);
  }

  /** What the edge does with a model call: run it off the stream thread, feed the result back. */
  private Decision<PlannerState> answerLastCall(GoalDriver goal) {
    ModelTurn turn = asked.getLast();
    return goal.modelReply(turn.turnId(), handler.handle(requests.getLast()));
  }

  @Test
  void shouldProposeEveryCallOfAReplyTogetherAndAskAgainOnlyWithTheResults() {
    GoalDriver goal = goal("plan-and-execute");
    model
        .calls(
            100,
            20,
            call("c1", "crm__lookup_account", "{\"account\": \"ACME\"}"),
            call("c2", "crm__lookup_account", "{\"account\": \"Globex\"}"))
        .calls(150, 10, call("c3", "switchboard_finish", "{\"summary\": \"ACME is larger\"}"));

    goal.submit("analyst", "Which is larger, ACME or Globex?", Map.of());
    assertThat(goal.last.emit()).as("the model call is under way").isEmpty();
    assertThat(asked).extracting(ModelTurn::turnId).containsExactly("goal-1/analyst/turn-1");

    answerLastCall(goal);
    StepsProposed proposed = goal.proposed();
    assertThat(proposed.actions())
        .extracting(PlannedAction::actionId, PlannedAction::tool)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("goal-1/analyst/t1-1", "crm.lookup_account"),
            org.assertj.core.groups.Tuple.tuple("goal-1/analyst/t1-2", "crm.lookup_account"));
    assertThat(proposed.actions().get(1).arguments().get("account").asString()).isEqualTo("Globex");
    assertThat(goal.state.usageOf("analyst").tokens()).isEqualTo(120);
    assertThat(goal.state.usageOf("analyst").cost()).isEqualByComparingTo("0.00036");

    goal.succeed("goal-1/analyst/t1-1", "{\"employees\": 1200}");
    assertThat(asked).as("waits for every result of the plan").hasSize(1);
    goal.succeed("goal-1/analyst/t1-2", "{\"employees\": 300}");
    assertThat(asked).hasSize(2);

    answerLastCall(goal);
    GoalCompleted completed = goal.only(GoalCompleted.class);
    assertThat(completed.summary()).isEqualTo("ACME is larger");
    assertThat(goal.state.usageOf("analyst").tokens()).isEqualTo(280);

    var secondPrompt = model.prompts.get(1);
    assertThat(secondPrompt.getInstructions())
        .extracting(m -> m.getMessageType())
        .containsExactly(
            MessageType.SYSTEM, MessageType.USER, MessageType.ASSISTANT, MessageType.TOOL);
    ToolResponseMessage results = (ToolResponseMessage) secondPrompt.getInstructions().get(3);
    assertThat(results.getResponses())
        .extracting(
            ToolResponseMessage.ToolResponse::id, ToolResponseMessage.ToolResponse::responseData)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c1", "{\"employees\":1200}"),
            org.assertj.core.groups.Tuple.tuple("c2", "{\"employees\":300}"));
    ToolCallingChatOptions options = (ToolCallingChatOptions) secondPrompt.getOptions();
    assertThat(options.getToolCallbacks())
        .extracting(t -> t.getToolDefinition().name())
        .containsExactly(
            "crm__lookup_account",
            "crm__log_activity",
            "switchboard_finish",
            "switchboard_handoff");
    assertThat(options.getModel()).isEqualTo("scripted-1");
  }

  @Test
  void shouldTakeOneCallPerTurnInReactMode() {
    GoalDriver goal = goal("react");
    model.calls(
        10,
        5,
        call("c1", "crm__lookup_account", "{\"account\": \"ACME\"}"),
        call("c2", "crm__log_activity", "{\"note\": \"x\"}"));
    goal.submit("analyst", "Look ACME up", Map.of());

    answerLastCall(goal);

    assertThat(goal.proposed().actions())
        .singleElement()
        .satisfies(a -> assertThat(a.tool()).isEqualTo("crm.lookup_account"));
    assertThat(model.prompts.getFirst().getInstructions().getFirst().getText())
        .contains("Propose exactly one tool call per reply");
  }

  @Test
  void shouldSendAnInvalidReplyBackOnceWithTheReasonAndGoOnWithTheCorrectedOne() {
    GoalDriver goal = goal("plan-and-execute");
    model
        .calls(10, 5, call("c1", "crm__lookup_account", "{\"account\": "))
        .calls(10, 5, call("c2", "crm__log_activity", "{\"note\": \"ok\"}"));
    goal.submit("analyst", "Log it", Map.of());

    answerLastCall(goal);
    assertThat(goal.last.emit()).isEmpty();
    assertThat(asked).hasSize(2);
    assertThat(model.prompts).hasSize(1);
    answerLastCall(goal);

    PlannedAction action = goal.proposed().actions().getFirst();
    assertThat(action.tool()).isEqualTo("crm.log_activity");
    assertThat(action.sideEffect()).isTrue();
    assertThat(model.prompts.get(1).getInstructions().getLast().getText())
        .startsWith(
            "Your previous reply could not be used: the arguments of crm__lookup_account are not a JSON object");
  }

  @Test
  void shouldHandTheGoalToAPersonWhenTheReplyIsInvalidTwice() {
    GoalDriver goal = goal("plan-and-execute");
    model.calls(10, 5, call("c1", "mail__send", "{}")).text(10, 5, "I think we should email them.");
    goal.submit("analyst", "Write to them", Map.of());

    answerLastCall(goal);
    answerLastCall(goal);

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:operators");
    assertThat(handoff.reason())
        .startsWith(
            "stuck: the model of agent 'analyst' gave no usable reply twice; last: the reply has neither tool calls nor a JSON plan");
    assertThat(goal.state.history())
        .anyMatch(l -> l.contains("'mail__send' is not a tool") || l.contains("turn 1"));

    model.calls(10, 5, call("c3", "switchboard_finish", "{\"summary\": \"done by hand\"}"));
    goal.answer("try again");
    answerLastCall(goal);
    assertThat(goal.only(GoalCompleted.class).summary()).isEqualTo("done by hand");
  }

  @Test
  void shouldReadAJsonPlanFromAModelWithoutToolCalls() {
    GoalDriver goal = goal("plan-and-execute");
    model.text(
        10,
        5,
        "```json\n{\"calls\": [{\"tool\": \"crm.lookup_account\", \"arguments\": {\"account\": \"ACME\"}}]}\n```");
    goal.submit("analyst", "Look ACME up", Map.of());

    answerLastCall(goal);

    assertThat(goal.proposed().actions().getFirst().arguments().get("account").asString())
        .isEqualTo("ACME");
  }

  @Test
  void shouldHandOffWhereTheModelSaysWhenTheTargetIsAllowed() {
    GoalDriver goal = goal("plan-and-execute");
    model
        .calls(
            10,
            5,
            call("c1", "switchboard_handoff", "{\"target\": \"agent:nobody\", \"reason\": \"x\"}"))
        .calls(
            10,
            5,
            call(
                "c2",
                "switchboard_handoff",
                "{\"target\": \"human:sales-ops\", \"reason\": \"needs a call\"}"));
    goal.submit("analyst", "Call them", Map.of());

    answerLastCall(goal);
    assertThat(goal.last.emit()).as("agent:nobody is not a target: asked again").isEmpty();
    answerLastCall(goal);

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:sales-ops");
    assertThat(handoff.reason()).isEqualTo("needs a call");
    assertThat(handoff.context().history()).anyMatch(l -> l.contains("its model answered turn 2"));
  }

  @Test
  void shouldCountAReplyOnceHoweverOftenItArrives() {
    GoalDriver goal = goal("plan-and-execute");
    model.calls(100, 50, call("c1", "crm__lookup_account", "{\"account\": \"ACME\"}"));
    goal.submit("analyst", "Look ACME up", Map.of());
    JsonNode reply = handler.handle(requests.getLast());

    goal.modelReply(asked.getLast().turnId(), reply);
    PlannerState once = goal.state;
    goal.modelReply(asked.getLast().turnId(), reply);

    assertThat(goal.last.emit()).isEmpty();
    assertThat(goal.state).isEqualTo(once);
    assertThat(goal.state.usageOf("analyst").tokens()).isEqualTo(150);
  }

  @Test
  void shouldReportEachModelCallsUsageOnceOnTheEventItLedTo() {
    GoalDriver goal = goal("plan-and-execute");
    model
        .calls(10, 5, call("c1", "crm__lookup_account", "{\"account\": "))
        .calls(100, 20, call("c2", "crm__lookup_account", "{\"account\": \"ACME\"}"))
        .calls(150, 10, call("c3", "switchboard_finish", "{\"summary\": \"done\"}"));
    goal.submit("analyst", "Look ACME up", Map.of());

    answerLastCall(goal);
    assertThat(goal.last.emit()).as("the invalid reply is sent back: no event yet").isEmpty();
    assertThat(goal.state.unreportedUsage().calls()).isEqualTo(1);

    JsonNode second = handler.handle(requests.getLast());
    String secondTurn = asked.getLast().turnId();
    goal.modelReply(secondTurn, second);
    ModelUsage proposedUsage = goal.proposed().usage();
    assertThat(proposedUsage.calls()).as("both calls behind the proposal").isEqualTo(2);
    assertThat(proposedUsage.inputTokens()).isEqualTo(110);
    assertThat(proposedUsage.outputTokens()).isEqualTo(25);
    assertThat(proposedUsage.cost()).isEqualByComparingTo("0.00042");
    assertThat(proposedUsage.currency()).isEqualTo("USD");
    assertThat(goal.state.unreportedUsage()).isNull();

    goal.modelReply(secondTurn, second);
    assertThat(goal.last.emit()).as("a replayed reply reports nothing again").isEmpty();
    assertThat(goal.state.unreportedUsage()).isNull();

    goal.succeed("goal-1/analyst/t2-1", "{\"employees\": 1200}");
    answerLastCall(goal);
    ModelUsage finishUsage = goal.only(GoalCompleted.class).usage();
    assertThat(finishUsage.calls()).isEqualTo(1);
    assertThat(finishUsage.totalTokens()).isEqualTo(160);
    assertThat(finishUsage.cost()).isEqualByComparingTo("0.00038");
    assertThat(goal.state.usageOf("analyst").tokens())
        .as("the budget counts what the events report")
        .isEqualTo(proposedUsage.totalTokens() + finishUsage.totalTokens());
  }

  @Test
  void shouldHandTheGoalToAPersonWhenTheModelUsedUpTheTokenBudget() {
    GoalDriver goal = goal("plan-and-execute");
    model.calls(900, 200, call("c1", "crm__lookup_account", "{\"account\": \"ACME\"}"));
    goal.submit("analyst", "Look ACME up", Map.of());

    answerLastCall(goal);

    assertThat(goal.only(HandoffProposed.class).reason())
        .isEqualTo("agent 'analyst' used 1100 model tokens, more than its budget of 1000");
  }

  @Test
  void shouldReportAFailedModelCallAsAReplyAndAskOnceMore() {
    GoalDriver goal = goal("plan-and-execute");
    goal.submit("analyst", "Look ACME up", Map.of());

    JsonNode failed = handler.handle(requests.getLast());
    assertThat(failed.get("error").asString()).contains("the script has no more answers");
    goal.modelReply(asked.getLast().turnId(), failed);

    assertThat(asked).hasSize(2);
    assertThat(goal.state.history()).anyMatch(l -> l.contains("with an error"));
  }

  @Test
  void shouldFailTheGoalWithTheReasonWhenThisPlannerCannotCallModels() {
    GoalDriver goal =
        new GoalDriver(
            TestAgents.of(AGENT.replace("MODE", "react")),
            Map.of(
                PlannerKind.LLM,
                new LlmPlanner(
                    new ChatTranscript(new ChatReplyReader(t -> null), t -> null),
                    new ChatReplyReader(t -> null),
                    t -> false)),
            ModelCalls.NONE,
            PRICES);

    goal.submit("analyst", "Look ACME up", Map.of());

    assertThat(goal.only(GoalFailed.class).reason()).contains("has no model");
  }

  @Test
  void shouldFailAnLlmAgentsGoalWhenNoLlmPlannerIsConfigured() {
    GoalDriver goal = new GoalDriver(TestAgents.of(AGENT.replace("MODE", "react")));

    goal.submit("analyst", "Look ACME up", Map.of());

    assertThat(goal.only(GoalFailed.class).reason())
        .isEqualTo(
            "agent 'analyst' uses the llm planner, which is not configured on this planner service");
  }
}
