package dev.switchboard.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.Attributes;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hands the goal to whom, on the handoff's span of an escalation. */
class EscalationSpansTest {
  @Test
  void shouldNameTheHandingAgentAndTheTarget() {
    Attributes attributes =
        EscalationSpans.attributesOf(
            new HandoffRequested(
                "g-1",
                UUID.randomUUID(),
                null,
                Instant.now(),
                "e-1",
                "human:sales-ops",
                "sdr",
                "human:sales-ops",
                "no contact",
                "summary"));

    assertThat(attributes.get(TraceConventions.HANDOFF_SOURCE)).isEqualTo("agent:sdr");
    assertThat(attributes.get(TraceConventions.HANDOFF_TARGET)).isEqualTo("human:sales-ops");
    assertThat(attributes.get(TraceConventions.ESCALATION_ID)).isEqualTo("e-1");
  }

  @Test
  void shouldNameTheQueueOfAQuestionButNotTheQuestion() {
    Attributes attributes =
        EscalationSpans.attributesOf(
            new QuestionAsked(
                "g-1",
                UUID.randomUUID(),
                null,
                Instant.now(),
                "e-2",
                "human:desk",
                "writer",
                "What is Pat's email?"));

    assertThat(attributes.get(TraceConventions.HANDOFF_SOURCE)).isEqualTo("agent:writer");
    assertThat(attributes.get(TraceConventions.HANDOFF_TARGET)).isEqualTo("human:desk");
    assertThat(attributes.asMap().values())
        .extracting(String::valueOf)
        .noneMatch(value -> value.contains("Pat"));
  }
}
