package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.TraceConventions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The guardrail's decision, policy, rule and approver on its spans. */
class VerdictSpansTest {
  private static final VerdictEvent.Audit AUDIT =
      new VerdictEvent.Audit(
          "sales-policy",
          "3+1f2e",
          "send-needs-approval",
          "why",
          "h",
          null,
          null,
          "email.send",
          "writer",
          null);

  @Test
  void shouldPutOneVerdictsDecisionOnTheDecisionsSpanAndItsSend() {
    ActionEscalated escalated =
        new ActionEscalated(
            "g-1",
            UUID.randomUUID(),
            null,
            Instant.now(),
            "a-1",
            "send-needs-approval",
            "e-1",
            "why",
            AUDIT);

    Decision<String> decision = VerdictSpans.note(Decision.of("state", escalated));

    assertThat(decision.trace().attributes().get(TraceConventions.GUARDRAIL_DECISION))
        .isEqualTo("escalated");
    assertThat(decision.trace().attributes().get(TraceConventions.GUARDRAIL_POLICY))
        .isEqualTo("sales-policy");
    assertThat(decision.trace().attributes().get(TraceConventions.GUARDRAIL_RULE))
        .isEqualTo("send-needs-approval");
    assertThat(decision.trace().attributes().get(TraceConventions.ACTION_ID)).isEqualTo("a-1");
    assertThat(decision.trace().carried().get(TraceConventions.GEN_AI_AGENT_NAME))
        .isEqualTo("writer");
    assertThat(
            decision
                .trace()
                .sendAttributes(escalated.eventId())
                .get(TraceConventions.GUARDRAIL_DECISION))
        .isEqualTo("escalated");
  }

  @Test
  void shouldPutEachOfSeveralVerdictsOnItsOwnSendWithTheApprover() {
    VerdictEvent.Audit approved =
        new VerdictEvent.Audit(
            "sales-policy",
            "3+1f2e",
            "send-needs-approval",
            "why",
            "h",
            "pat",
            null,
            "email.send",
            "writer",
            null);
    ActionAllowed first =
        new ActionAllowed("g-1", UUID.randomUUID(), null, Instant.now(), "a-1", "r", approved);
    ActionAllowed second =
        new ActionAllowed("g-1", UUID.randomUUID(), null, Instant.now(), "a-2", "r", AUDIT);

    Decision<String> decision = VerdictSpans.note(Decision.of("state", first, second));

    assertThat(decision.trace().attributes().isEmpty()).isTrue();
    assertThat(decision.trace().sendAttributes(first.eventId()).get(TraceConventions.APPROVER))
        .isEqualTo("pat");
    assertThat(decision.trace().sendAttributes(second.eventId()).get(TraceConventions.ACTION_ID))
        .isEqualTo("a-2");
    assertThat(
            decision
                .trace()
                .sendAttributes(second.eventId())
                .get(TraceConventions.GUARDRAIL_DECISION))
        .isEqualTo("allowed");
  }
}
