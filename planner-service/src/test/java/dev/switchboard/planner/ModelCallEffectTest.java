package dev.switchboard.planner;

import static dev.switchboard.planner.llm.ScriptedChatModel.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.Effect;
import dev.switchboard.edge.EffectCall;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.planner.llm.ChatEffectHandler;
import dev.switchboard.planner.llm.ChatEffects;
import dev.switchboard.planner.llm.ChatReplyReader;
import dev.switchboard.planner.llm.ChatTranscript;
import dev.switchboard.planner.llm.LlmPlanner;
import dev.switchboard.planner.llm.ModelPrices;
import dev.switchboard.planner.llm.ScriptedChatModel;
import dev.switchboard.planner.spec.PlannerKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model calls as kafka-edge's durable {@code chat} effects: the decision asks for the effect, the
 * {@link ChatEffectHandler} runs it as the effect worker would, and {@code onEffectResult} applies
 * the reply once. No broker: the edge's part is played by hand.
 */
class ModelCallEffectTest {
  private static final String AGENT =
      """
      name: analyst
      planner: llm
      model: {name: scripted-1, mode: plan-and-execute}
      tools: [crm.lookup_account]
      budgets: {max-tokens: 1000}
      """;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ChatEffectHandler handler =
      new ChatEffectHandler(
          ChatClient.builder(model).build(), "default-model", Duration.ofMinutes(1), JSON);
  private final GoalDriver goal = goal();

  private static GoalDriver goal() {
    ChatReplyReader reader = new ChatReplyReader(tool -> null);
    return new GoalDriver(
        TestAgents.of(AGENT),
        Map.of(
            PlannerKind.LLM,
            new LlmPlanner(new ChatTranscript(reader, tool -> null), reader, tool -> false)),
        new ChatEffects(Duration.ofSeconds(90)),
        new ModelPrices(Map.of()));
  }

  @Test
  void shouldAskForTheModelCallAsARetrySafeChatEffectNamedByTheTurn() {
    goal.submit("analyst", "How large is ACME?", Map.of());

    assertThat(goal.last.emit()).as("nothing is proposed before the model answers").isEmpty();
    Effect effect = onlyEffect(goal.last);
    assertThat(effect.effectId()).isEqualTo("goal-1/analyst/turn-1");
    assertThat(effect.kind()).isEqualTo(ChatEffectHandler.KIND).isEqualTo(handler.kind());
    assertThat(effect.retrySafe()).isTrue();
    assertThat(effect.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(effect.request().get("messages").size()).isPositive();
    assertThat(model.prompts).as("the stream's decision never calls the model").isEmpty();
  }

  @Test
  void shouldApplyTheReplyOnceAndDeriveTheEventsItCausesFromTheEffectResult() throws Exception {
    model.calls(100, 20, call("c1", "crm__lookup_account", "{\"account\": \"ACME\"}"));
    goal.submit("analyst", "How large is ACME?", Map.of());
    Effect effect = onlyEffect(goal.last);
    PlannerState asking = goal.state;

    EffectResult result =
        new EffectResult.Succeeded(
            "goal-1",
            effect.effectId(),
            effect.kind(),
            1,
            handler.run(new EffectCall("goal-1", effect.effectId(), 1, effect.request())));
    Decision<PlannerState> applied = goal.planner.onEffectResult(asking, result);
    Decision<PlannerState> replayed = goal.planner.onEffectResult(asking, result);

    StepsProposed proposed = (StepsProposed) applied.emit().getFirst();
    assertThat(proposed.actions())
        .extracting(PlannedAction::tool)
        .containsExactly("crm.lookup_account");
    assertThat(proposed.causationId()).isEqualTo(result.eventId());
    assertThat(replayed.emit().getFirst().eventId())
        .as("the same result decided again writes the same event id, which readers deduplicate")
        .isEqualTo(proposed.eventId());
    assertThat(applied.state().usageOf("analyst").tokens()).isEqualTo(120);

    Decision<PlannerState> again = goal.planner.onEffectResult(applied.state(), result);
    assertThat(again.emit()).as("a turn takes only its first reply").isEmpty();
    assertThat(again.effects()).isEmpty();
    assertThat(again.state().usageOf("analyst").tokens()).as("tokens count once").isEqualTo(120);
  }

  @Test
  void shouldAskAgainOnceWhenTheModelCallDidNotRunThenHandTheGoalToAPerson() {
    goal.submit("analyst", "How large is ACME?", Map.of());
    Effect first = onlyEffect(goal.last);

    goal.last =
        goal.planner.onEffectResult(
            goal.state,
            new EffectResult.Failed(
                "goal-1", first.effectId(), first.kind(), 3, "not started in 3 attempts"));
    goal.state = goal.last.state();
    Effect second = onlyEffect(goal.last);
    assertThat(second.effectId()).isEqualTo("goal-1/analyst/turn-2");
    assertThat(goal.state.history()).anyMatch(l -> l.contains("the model call did not run"));

    goal.last =
        goal.planner.onEffectResult(
            goal.state,
            new EffectResult.OutcomeUnknown(
                "goal-1", second.effectId(), second.kind(), 1, "no result after 3 attempts"));
    goal.state = goal.last.state();
    assertThat(goal.last.effects()).isEmpty();
    assertThat(goal.only(dev.switchboard.contracts.event.PlanEvent.HandoffProposed.class).reason())
        .contains("gave no usable reply twice")
        .contains("the model call gave no answer");
  }

  @Test
  void shouldIgnoreAnEffectOfAnotherKind() {
    goal.submit("analyst", "How large is ACME?", Map.of());
    PlannerState before = goal.state;

    Decision<PlannerState> decision =
        goal.planner.onEffectResult(
            before,
            new EffectResult.Succeeded(
                "goal-1", "goal-1/analyst/turn-1", "tool", 1, JSON.createObjectNode()));

    assertThat(decision.state()).isEqualTo(before);
    assertThat(decision.emit()).isEmpty();
  }

  private static Effect onlyEffect(Decision<PlannerState> decision) {
    assertThat(decision.effects()).hasSize(1);
    return decision.effects().getFirst();
  }
}
