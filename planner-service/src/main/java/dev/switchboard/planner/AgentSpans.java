package dev.switchboard.planner;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.RecordedSpan;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Instant;
import java.util.List;

/**
 * What the planner's decisions add to the goal's trace: the agent whose work it is (carried to
 * every span downstream), a {@code plan {agent}} span for each decision that proposes something,
 * and an {@code invoke_agent {agent}} span for each agent's time with the goal, recorded when the
 * goal ends or another agent takes it, from the start and context kept in the goal's {@link
 * AgentStint}.
 */
final class AgentSpans {
  private AgentSpans() {}

  static Decision<PlannerState> note(
      PlannerState before, Decision<PlannerState> decision, EventContext context, Instant now) {
    PlannerState after = decision.state();
    if (after == null || after.agent() == null) {
      return decision;
    }
    Decision<PlannerState> traced =
        plan(after.agent(), decision).carrying(TraceConventions.GEN_AI_AGENT_NAME, after.agent());
    AgentStint stint = before == null ? null : before.stint();
    boolean agentChanged = stint != null && !stint.agent().equals(after.agent());
    boolean ending = after.status().ended() && (before == null || !before.status().ended());
    if (stint != null && (agentChanged || ending)) {
      traced = traced.withSpan(invokeAgent(stint, agentChanged ? null : after.status()));
    }
    if (stint == null || agentChanged) {
      AgentStint next = new AgentStint(after.agent(), now, context.traceparent());
      if (ending && stint == null) {
        traced = traced.withSpan(invokeAgent(next, after.status()));
      }
      traced =
          new Decision<>(
              after.withStint(next),
              traced.emit(),
              traced.effects(),
              traced.timers(),
              traced.ended(),
              traced.trace());
    }
    return traced;
  }

  /** One {@code plan {agent}} span for a decision that proposes steps, a handoff or a question. */
  private static Decision<PlannerState> plan(String agent, Decision<PlannerState> decision) {
    List<PlanEvent> proposals =
        decision.emit().stream()
            .filter(PlanEvent.class::isInstance)
            .map(PlanEvent.class::cast)
            .filter(event -> !(event instanceof PlanEvent.GoalFinishing))
            .toList();
    if (proposals.isEmpty()) {
      return decision;
    }
    AttributesBuilder attributes =
        Attributes.builder()
            .put(TraceConventions.GEN_AI_OPERATION_NAME, TraceConventions.PLAN)
            .put(TraceConventions.GEN_AI_AGENT_NAME, agent);
    Decision<PlannerState> traced = decision;
    for (PlanEvent proposal : proposals) {
      Attributes handoff = handoffOf(proposal);
      if (!handoff.isEmpty()) {
        attributes.putAll(handoff);
        traced = traced.withSendAttributes(proposal, handoff);
      }
    }
    return traced.withSpan(
        RecordedSpan.of(TraceConventions.PLAN + " " + agent, attributes.build()));
  }

  /** Who hands the goal to whom; a question goes to its queue. */
  private static Attributes handoffOf(SwitchboardEvent proposal) {
    return switch (proposal) {
      case HandoffProposed handoff ->
          Attributes.of(
              TraceConventions.HANDOFF_SOURCE,
              Owners.agent(handoff.agent()),
              TraceConventions.HANDOFF_TARGET,
              handoff.target());
      case QuestionProposed question ->
          Attributes.of(
              TraceConventions.HANDOFF_SOURCE,
              Owners.agent(question.agent()),
              TraceConventions.HANDOFF_TARGET,
              question.queue());
      default -> Attributes.empty();
    };
  }

  /**
   * @param ended how the goal ended; null when another agent took it
   */
  private static RecordedSpan invokeAgent(AgentStint stint, GoalStatus ended) {
    return new RecordedSpan(
        TraceConventions.INVOKE_AGENT + " " + stint.agent(),
        stint.since(),
        stint.traceparent() == null ? null : new EventContext(stint.traceparent()),
        Attributes.of(
            TraceConventions.GEN_AI_OPERATION_NAME,
            TraceConventions.INVOKE_AGENT,
            TraceConventions.GEN_AI_AGENT_NAME,
            stint.agent()),
        ended == GoalStatus.FAILED ? "goal_failed" : null);
  }
}
