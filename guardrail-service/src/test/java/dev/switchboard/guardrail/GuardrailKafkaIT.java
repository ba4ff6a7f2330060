package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.node.JsonNodeFactory;

/** The guardrail against the shared embedded broker: plans in, verdicts and signed requests out. */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.security.action-signing-key=" + GuardrailKafkaIT.SIGNING_KEY
    })
class GuardrailKafkaIT {
  static final String SIGNING_KEY = "guardrail-it-signing-key-of-32-bytes";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired TopicNames names;

  private TopicProbe probe;
  private ActionSigner executorSide;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe(brokers, names);
    executorSide = ActionSigner.fromSecret(SIGNING_KEY, probe.codec());
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @Test
  void shouldAllowAndRequestAReadOnlyActionWithAVerifiableSignature() {
    String goalId = "it-" + UUID.randomUUID();
    probe.send(Topics.PLAN, proposed(goalId, "step-1", "demo.lookup"));

    ActionAllowed allowed = probe.awaitEvent(Topics.VERDICT, goalId, ActionAllowed.class, TIMEOUT);
    ActionRequested request =
        probe.awaitEvent(Topics.ACTION_REQUEST, goalId, ActionRequested.class, TIMEOUT);

    assertThat(allowed.policy()).isEqualTo("read-only-tools");
    assertThat(request.action().tool()).isEqualTo("demo.lookup");
    assertThat(request.approvedBy()).isNull();
    assertThat(executorSide.verifies(request)).isTrue();
  }

  @Test
  void shouldAskForApprovalAndRequestTheActionOnceApproved() {
    String goalId = "it-" + UUID.randomUUID();
    probe.send(Topics.PLAN, proposed(goalId, "step-2", "demo.send"));

    ApprovalRequested approval =
        probe.awaitEvent(Topics.ESCALATION, goalId, ApprovalRequested.class, TIMEOUT);
    assertThat(approval.escalationId())
        .isEqualTo(Guardrail.approvalIdFor(goalId, goalId + "/step-2"));
    assertThat(probe.events(Topics.ACTION_REQUEST, goalId)).isEmpty();

    probe.send(
        Topics.RESOLUTION,
        new Approved(
            goalId,
            UUID.randomUUID(),
            approval.eventId(),
            Instant.now(),
            approval.escalationId(),
            "local-operator",
            "looks right"));

    ActionRequested request =
        probe.awaitEvent(Topics.ACTION_REQUEST, goalId, ActionRequested.class, TIMEOUT);
    assertThat(request.approvedBy()).isEqualTo("local-operator");
    assertThat(request.action()).isEqualTo(approval.action());
    assertThat(executorSide.verifies(request)).isTrue();
  }

  private static StepsProposed proposed(String goalId, String step, String tool) {
    return new StepsProposed(
        goalId,
        UUID.randomUUID(),
        null,
        Instant.now(),
        "demo",
        List.of(
            new PlannedAction(
                goalId + "/" + step,
                tool,
                JsonNodeFactory.instance.objectNode().put("account", "ACME"),
                List.of(),
                tool.equals("demo.send"),
                "test")));
  }
}
