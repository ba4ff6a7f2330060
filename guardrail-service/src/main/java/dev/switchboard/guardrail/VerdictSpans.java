package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.List;

/**
 * Puts what the guardrail decided into the goal's trace: each verdict's decision, policy and rule
 * (and the approver, once a person approved) on the span that sends it, and on the decision's span
 * when it wrote one verdict; the agent the verdict is about is carried to the spans downstream.
 */
final class VerdictSpans {
  static final String ALLOWED = "allowed";
  static final String DENIED = "denied";
  static final String ESCALATED = "escalated";

  private VerdictSpans() {}

  static <S> Decision<S> note(Decision<S> decision) {
    List<VerdictEvent> verdicts =
        decision.emit().stream()
            .filter(VerdictEvent.class::isInstance)
            .map(VerdictEvent.class::cast)
            .toList();
    Decision<S> traced = decision;
    for (VerdictEvent verdict : verdicts) {
      traced = traced.withSendAttributes(verdict, attributesOf(verdict));
    }
    if (verdicts.size() == 1) {
      VerdictEvent verdict = verdicts.getFirst();
      traced = traced.withSpanAttributes(attributesOf(verdict));
      if (verdict.audit() != null) {
        traced = traced.carrying(TraceConventions.GEN_AI_AGENT_NAME, verdict.audit().agent());
      }
    }
    return traced;
  }

  static Attributes attributesOf(VerdictEvent verdict) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(TraceConventions.ACTION_ID, verdict.actionId())
            .put(TraceConventions.GUARDRAIL_DECISION, decisionOf(verdict));
    if (verdict.audit() != null) {
      putIfPresent(attributes, TraceConventions.GUARDRAIL_POLICY, verdict.audit().policyId());
      putIfPresent(attributes, TraceConventions.GUARDRAIL_RULE, verdict.audit().rule());
      putIfPresent(attributes, TraceConventions.APPROVER, verdict.audit().approvedBy());
    } else {
      putIfPresent(attributes, TraceConventions.GUARDRAIL_RULE, verdict.policy());
    }
    return attributes.build();
  }

  private static String decisionOf(VerdictEvent verdict) {
    return switch (verdict) {
      case ActionAllowed allowed -> ALLOWED;
      case ActionDenied denied -> DENIED;
      case ActionEscalated escalated -> ESCALATED;
    };
  }

  private static void putIfPresent(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(key, value);
    }
  }
}
