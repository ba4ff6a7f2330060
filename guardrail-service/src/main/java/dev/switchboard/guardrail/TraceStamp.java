package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;

/**
 * Puts the goal's trace id into the audit record of every verdict a decision writes, so an auditor
 * can open the trace the decision was made in. The judging logic stays free of the trace.
 */
final class TraceStamp {
  private TraceStamp() {}

  static <S> Decision<S> stamp(Decision<S> decision, String traceId) {
    if (traceId == null) {
      return decision;
    }
    return new Decision<>(
        decision.state(),
        decision.emit().stream().map(event -> stamp(event, traceId)).toList(),
        decision.effects(),
        decision.timers(),
        decision.ended(),
        decision.trace());
  }

  private static SwitchboardEvent stamp(SwitchboardEvent event, String traceId) {
    if (!(event instanceof VerdictEvent verdict)) {
      return event;
    }
    return switch (verdict) {
      case ActionAllowed allowed ->
          new ActionAllowed(
              allowed.goalId(),
              allowed.eventId(),
              allowed.causationId(),
              allowed.occurredAt(),
              allowed.actionId(),
              allowed.policy(),
              allowed.audit() == null ? null : allowed.audit().withTraceId(traceId));
      case ActionDenied denied ->
          new ActionDenied(
              denied.goalId(),
              denied.eventId(),
              denied.causationId(),
              denied.occurredAt(),
              denied.actionId(),
              denied.policy(),
              denied.reason(),
              denied.audit() == null ? null : denied.audit().withTraceId(traceId));
      case ActionEscalated escalated ->
          new ActionEscalated(
              escalated.goalId(),
              escalated.eventId(),
              escalated.causationId(),
              escalated.occurredAt(),
              escalated.actionId(),
              escalated.policy(),
              escalated.escalationId(),
              escalated.reason(),
              escalated.audit() == null ? null : escalated.audit().withTraceId(traceId));
    };
  }
}
