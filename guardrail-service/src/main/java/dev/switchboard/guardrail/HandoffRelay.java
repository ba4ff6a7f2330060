package dev.switchboard.guardrail;

import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.edge.Decision;
import dev.switchboard.policy.PolicyDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handoffs and questions the planner proposes, relayed to the handoff inbox as escalations. A
 * handoff is judged by the policy first (an agent hands off only where its spec says) and gets a
 * verdict under the id {@code <proposal eventId>/handoff}; a question goes through as asked.
 */
final class HandoffRelay {
  private static final Logger log = LoggerFactory.getLogger(HandoffRelay.class);

  private final ActionJudge judge;
  private final GuardrailEvents events;
  private final String defaultQueue;

  HandoffRelay(ActionJudge judge, GuardrailEvents events, String defaultQueue) {
    this.judge = judge;
    this.events = events;
    this.defaultQueue = defaultQueue;
  }

  Decision<GuardrailState> onHandoff(GuardrailState state, HandoffProposed handoff) {
    String id = handoff.eventId() + "/handoff";
    if (state.hasDecided(id)) {
      return Decision.of(state);
    }
    ActionJudge.Judgement judgement = judge.judgeHandoff(state, handoff, id);
    PolicyDecision decision = judgement.decision();
    log.info(
        "goal {}: handoff from '{}' to {} -> {} by rule '{}'",
        handoff.goalId(),
        handoff.agent(),
        handoff.target(),
        decision.kind(),
        decision.rule());
    GuardrailState next = state.decided(id);
    String escalationId =
        EscalationIds.of(handoff.goalId(), "handoff", handoff.eventId().toString());
    return switch (decision) {
      case PolicyDecision.Allow allow ->
          Decision.of(
              next,
              events.allowed(handoff, id, judgement.audit(null)),
              events.handoffRequested(handoff, escalationId, handoff.target()));
      case PolicyDecision.Deny deny ->
          Decision.of(next, events.denied(handoff, id, judgement.audit(null)));
      // A person confirms the move: the handoff goes to the escalation's queue, not the target.
      case PolicyDecision.Escalate escalate ->
          Decision.of(
              next,
              events.escalated(handoff, id, escalationId, judgement.audit(null)),
              events.handoffRequested(
                  handoff,
                  escalationId,
                  escalate.route().queue() == null ? defaultQueue : escalate.route().queue()));
    };
  }

  Decision<GuardrailState> onQuestion(GuardrailState state, QuestionProposed question) {
    return Decision.of(state, events.questionAsked(question));
  }
}
