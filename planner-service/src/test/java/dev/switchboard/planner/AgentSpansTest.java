package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.RecordedSpan;
import dev.switchboard.edge.TraceConventions;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the planner's decisions add to the trace: the agent, plan spans, each agent's stint. */
class AgentSpansTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(3600);
  private static final String TOOK_IN = "00-5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174-01";
  private static final String LATER = "00-5b8efff798038103d269b633813fc60c-aaaaaaaaaaaaaaaa-01";

  @Test
  void shouldCarryTheAgentAndStartItsStintInTheFirstDecision() {
    PlannerState started = PlannerState.started("g-1", "sdr", "sell", Map.of(), T0);

    Decision<PlannerState> decision =
        AgentSpans.note(null, Decision.of(started), new EventContext(TOOK_IN), T0);

    assertThat(decision.trace().carried().get(TraceConventions.GEN_AI_AGENT_NAME)).isEqualTo("sdr");
    assertThat(decision.state().stint()).isEqualTo(new AgentStint("sdr", T0, TOOK_IN));
    assertThat(decision.trace().spans()).isEmpty();
  }

  @Test
  void shouldRecordAPlanSpanWithTheHandoffsSourceAndTarget() {
    PlannerState goal = stinted("sdr");
    HandoffProposed handoff =
        new HandoffProposed(
            "g-1", UUID.randomUUID(), null, T1, "sdr", "agent:researcher", "why", "");

    Decision<PlannerState> decision =
        AgentSpans.note(goal, Decision.of(goal, handoff), new EventContext(LATER), T1);

    RecordedSpan plan = decision.trace().spans().getFirst();
    assertThat(plan.name()).isEqualTo("plan sdr");
    assertThat(plan.start()).as("the decision's own time").isNull();
    assertThat(plan.attributes().get(TraceConventions.HANDOFF_SOURCE)).isEqualTo("agent:sdr");
    assertThat(plan.attributes().get(TraceConventions.HANDOFF_TARGET))
        .isEqualTo("agent:researcher");
    assertThat(
            decision.trace().sendAttributes(handoff.eventId()).get(TraceConventions.HANDOFF_TARGET))
        .isEqualTo("agent:researcher");
  }

  @Test
  void shouldRecordTheAgentsSpanFromItsStoredStartWhenAnotherAgentTakesTheGoal() {
    PlannerState before = stinted("sdr");
    PlannerState after = before.edit(draft -> draft.agent = "researcher");

    Decision<PlannerState> decision =
        AgentSpans.note(before, Decision.of(after), new EventContext(LATER), T1);

    assertThat(decision.trace().spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.name()).isEqualTo("invoke_agent sdr");
              assertThat(span.start()).isEqualTo(T0);
              assertThat(span.parent().traceparent()).isEqualTo(TOOK_IN);
              assertThat(span.attributes().get(TraceConventions.GEN_AI_AGENT_NAME))
                  .isEqualTo("sdr");
              assertThat(span.errorType()).isNull();
            });
    assertThat(decision.state().stint()).isEqualTo(new AgentStint("researcher", T1, LATER));
    assertThat(decision.trace().carried().get(TraceConventions.GEN_AI_AGENT_NAME))
        .isEqualTo("researcher");
  }

  @Test
  void shouldEndTheAgentsSpanOnceWhenTheGoalEndsAndMarkAFailure() {
    PlannerState before = stinted("sdr");
    PlannerState failed = before.edit(draft -> draft.status = GoalStatus.FAILED);

    Decision<PlannerState> ending =
        AgentSpans.note(before, Decision.of(failed), EventContext.none(), T1);
    Decision<PlannerState> later =
        AgentSpans.note(failed, Decision.of(failed), EventContext.none(), T1.plusSeconds(1));

    assertThat(ending.trace().spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.name()).isEqualTo("invoke_agent sdr");
              assertThat(span.start()).isEqualTo(T0);
              assertThat(span.errorType()).isEqualTo("goal_failed");
            });
    assertThat(later.trace().spans()).isEmpty();
  }

  private static PlannerState stinted(String agent) {
    return PlannerState.started("g-1", agent, "sell", Map.of(), T0)
        .withStint(new AgentStint(agent, T0, TOOK_IN));
  }
}
