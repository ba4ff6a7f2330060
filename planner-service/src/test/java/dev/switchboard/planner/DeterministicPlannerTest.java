package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class DeterministicPlannerTest {
  private static final AgentSpec TWO_STEPS =
      new AgentSpec(
          "two",
          "test agent",
          List.of(
              new SopStep("find", Map.of("q", "{{inputs.query | description}}"), false, "why"),
              new SopStep(
                  "tell", Map.of("to", "{{step-1.who}}", "text", "Hi {{step-1.who}}!"), true, "")));

  private final DeterministicPlanner planner = new DeterministicPlanner();

  @Test
  void shouldTakeTheFirstReferenceThatHasAValue() {
    PlannerState goal = PlannerState.started("g", "two", "the description", Map.of("query", " "));

    NextSteps next = planner.next(TWO_STEPS, goal);

    assertThat(next).isInstanceOf(NextSteps.Propose.class);
    var action = ((NextSteps.Propose) next).actions().getFirst();
    assertThat(action.actionId()).isEqualTo("g/step-1");
    assertThat(action.arguments().get("q").asString()).isEqualTo("the description");
    assertThat(action.rationale()).isEqualTo("why");
  }

  @Test
  void shouldWaitWhileTheNextStepIsPending() {
    PlannerState goal =
        PlannerState.started("g", "two", "d", Map.of()).proposing(List.of("g/step-1"));

    assertThat(planner.next(TWO_STEPS, goal)).isInstanceOf(NextSteps.AwaitResults.class);
  }

  @Test
  void shouldFillEveryPlaceholderOfATemplateFromEarlierResults() {
    PlannerState goal =
        PlannerState.started("g", "two", "d", Map.of())
            .proposing(List.of("g/step-1"))
            .withResult("g/step-1", JsonNodeFactory.instance.objectNode().put("who", "Ann"));

    NextSteps next = planner.next(TWO_STEPS, goal);

    var action = ((NextSteps.Propose) next).actions().getFirst();
    assertThat(action.arguments().get("to").asString()).isEqualTo("Ann");
    assertThat(action.arguments().get("text").asString()).isEqualTo("Hi Ann!");
    assertThat(action.sideEffect()).isTrue();
  }

  @Test
  void shouldBeStuckWhenAnEarlierResultLacksAField() {
    PlannerState goal =
        PlannerState.started("g", "two", "d", Map.of())
            .proposing(List.of("g/step-1"))
            .withResult("g/step-1", null);

    assertThat(planner.next(TWO_STEPS, goal))
        .isEqualTo(
            new NextSteps.Stuck("step-2 (tell) needs step-1.who, which the goal does not have"));
  }

  @Test
  void shouldReportTheGoalMetWhenEveryStepHasAResult() {
    PlannerState goal =
        PlannerState.started("g", "two", "d", Map.of())
            .withResult("g/step-1", null)
            .withResult("g/step-2", null);

    assertThat(planner.next(TWO_STEPS, goal)).isInstanceOf(NextSteps.GoalMet.class);
  }
}
