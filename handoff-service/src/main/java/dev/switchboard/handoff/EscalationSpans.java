package dev.switchboard.handoff;

import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/** What the handoff's span of an escalation says: which item, and who hands the goal to whom. */
final class EscalationSpans {
  private EscalationSpans() {}

  static Attributes attributesOf(EscalationEvent escalation) {
    AttributesBuilder attributes =
        Attributes.builder().put(TraceConventions.ESCALATION_ID, escalation.escalationId());
    String source =
        switch (escalation) {
          case ApprovalRequested approval -> approval.agent();
          case HandoffRequested handoff -> handoff.fromAgent();
          case QuestionAsked question -> question.agent();
          case ResolutionRefused refused -> null;
        };
    if (source != null && !source.isBlank()) {
      attributes.put(TraceConventions.HANDOFF_SOURCE, Owners.agent(source));
    }
    String target =
        escalation instanceof HandoffRequested handoff ? handoff.target() : escalation.queue();
    return attributes.put(TraceConventions.HANDOFF_TARGET, target).build();
  }
}
