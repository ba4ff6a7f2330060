package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class GuardrailTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String GOAL = "goal-1";
  private static final String LOOKUP_ID = GOAL + "/step-1";
  private static final String SEND_ID = GOAL + "/step-2";
  private static final String APPROVAL = Guardrail.approvalIdFor(SEND_ID);
  private static final EventCodec CODEC = new EventCodec();
  private static final ActionSigner SIGNER =
      ActionSigner.fromSecret("guardrail-test-signing-key-32-bytes!", CODEC);
  private static final ActionSigner OTHER_SIGNER =
      ActionSigner.fromSecret("some-other-signing-key-of-32-bytes!!", CODEC);

  private final Guardrail guardrail =
      new Guardrail(
          GuardrailPolicy.of(GuardrailProperties.defaults()),
          SIGNER,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldAllowAndRequestAReadOnlyActionSignedWithTheKey() {
    StepsProposed steps = proposed(lookup());

    Decision<GuardrailState> decision = guardrail.decide(null, steps);

    assertThat(decision.emit()).hasSize(2);
    ActionAllowed allowed = (ActionAllowed) decision.emit().get(0);
    assertThat(allowed.actionId()).isEqualTo(LOOKUP_ID);
    assertThat(allowed.policy()).isEqualTo("read-only-tools");
    assertThat(allowed.causationId()).isEqualTo(steps.eventId());
    ActionRequested request = (ActionRequested) decision.emit().get(1);
    assertThat(request.action()).isEqualTo(lookup());
    assertThat(request.approvedBy()).isNull();
    assertThat(request.causationId()).isEqualTo(steps.eventId());
    assertThat(request.occurredAt()).isEqualTo(NOW);
    assertThat(request.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(request.keyId()).isEqualTo(SIGNER.keyId());
    assertThat(SIGNER.verifies(request)).isTrue();
    assertThat(OTHER_SIGNER.verifies(request)).isFalse();
    assertThat(decision.state().decided()).containsExactly(LOOKUP_ID);
  }

  @Test
  void shouldLetTheConfiguredTimeToLiveSetTheExpiry() {
    Guardrail shortLived =
        new Guardrail(
            GuardrailPolicy.of(GuardrailProperties.defaults()),
            SIGNER,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(30));

    ActionRequested request =
        (ActionRequested) shortLived.decide(null, proposed(lookup())).emit().get(1);

    assertThat(request.expiresAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(SIGNER.verifies(request)).isTrue();
  }

  @Test
  void shouldEscalateAnOutboundActionToTheApprovers() {
    StepsProposed steps = proposed(send());

    Decision<GuardrailState> decision = guardrail.decide(null, steps);

    assertThat(decision.emit()).hasSize(2);
    ActionEscalated escalated = (ActionEscalated) decision.emit().get(0);
    assertThat(escalated.actionId()).isEqualTo(SEND_ID);
    assertThat(escalated.escalationId()).isEqualTo(APPROVAL);
    assertThat(escalated.policy()).isEqualTo("outbound-communication");
    ApprovalRequested approval = (ApprovalRequested) decision.emit().get(1);
    assertThat(approval.escalationId()).isEqualTo(APPROVAL);
    assertThat(approval.queue()).isEqualTo("human:approvers");
    assertThat(approval.agent()).isEqualTo("demo");
    assertThat(approval.action()).isEqualTo(send());
    assertThat(approval.policy()).isEqualTo("outbound-communication");
    assertThat(approval.reason()).isNotBlank();
    assertThat(decision.state().pending())
        .containsEntry(APPROVAL, new PendingApproval("demo", send()));
  }

  @Test
  void shouldDenyAnUnknownTool() {
    PlannedAction shell = new PlannedAction(GOAL + "/x", "shell.exec", null, null, true, null);

    Decision<GuardrailState> decision = guardrail.decide(null, proposed(shell));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> {
              assertThat(denied.policy()).isEqualTo("known-tools");
              assertThat(denied.reason()).isEqualTo("tool 'shell.exec' is not allowed");
            });
  }

  @Test
  void shouldJudgeEachActionOfAProposalOnItsOwn() {
    Decision<GuardrailState> decision = guardrail.decide(null, proposed(lookup(), send()));

    assertThat(decision.emit())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly(
            "ActionAllowed", "ActionRequested", "ActionEscalated", "ApprovalRequested");
  }

  @Test
  void shouldNotJudgeAnActionTwice() {
    GuardrailState judged = guardrail.decide(null, proposed(lookup(), send())).state();

    Decision<GuardrailState> again = guardrail.decide(judged, proposed(lookup(), send()));

    assertThat(again.emit()).isEmpty();
    assertThat(again.state()).isEqualTo(judged);
  }

  @Test
  void shouldRequestTheStoredActionWhenAnAuthorizedApproverApproves() {
    Approved approved = approved("local-operator");

    Decision<GuardrailState> decision = guardrail.decide(awaitingApproval(), approved);

    assertThat(decision.emit()).hasSize(2);
    ActionAllowed allowed = (ActionAllowed) decision.emit().get(0);
    assertThat(allowed.actionId()).isEqualTo(SEND_ID);
    assertThat(allowed.policy()).isEqualTo("approved-by-human");
    ActionRequested request = (ActionRequested) decision.emit().get(1);
    assertThat(request.action()).isEqualTo(send());
    assertThat(request.approvedBy()).isEqualTo("local-operator");
    assertThat(request.causationId()).isEqualTo(approved.eventId());
    assertThat(SIGNER.verifies(request)).isTrue();
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldKeepTheApprovalPendingWhenTheActorMayNotApprove() {
    GuardrailState waiting = awaitingApproval();

    Decision<GuardrailState> byMallory = guardrail.decide(waiting, approved("mallory"));
    Decision<GuardrailState> editByMallory =
        guardrail.decide(waiting, edited("mallory", arguments("mallory@evil.example")));
    Decision<GuardrailState> byOperator =
        guardrail.decide(byMallory.state(), approved("local-operator"));

    assertThat(byMallory.emit()).isEmpty();
    assertThat(byMallory.state()).isEqualTo(waiting);
    assertThat(editByMallory.emit()).isEmpty();
    assertThat(byOperator.emit()).hasSize(2);
  }

  @Test
  void shouldDenyTheActionWhenAPersonDeniesIt() {
    Decision<GuardrailState> decision =
        guardrail.decide(
            awaitingApproval(),
            new Denied(
                GOAL, UUID.randomUUID(), null, NOW, APPROVAL, "local-operator", "wrong person"));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> {
              assertThat(denied.actionId()).isEqualTo(SEND_ID);
              assertThat(denied.policy()).isEqualTo("human-approval");
              assertThat(denied.reason()).isEqualTo("denied by local-operator: wrong person");
            });
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldRequestTheEditedActionSignedAnewWhenAnApproverEditsIt() {
    JsonNode newArguments = arguments("jane.doe@acme.example");

    Decision<GuardrailState> decision =
        guardrail.decide(awaitingApproval(), edited("local-operator", newArguments));

    assertThat(decision.emit()).hasSize(2);
    assertThat(((ActionAllowed) decision.emit().get(0)).policy()).isEqualTo("edited-by-human");
    ActionRequested request = (ActionRequested) decision.emit().get(1);
    assertThat(request.action().actionId()).isEqualTo(SEND_ID);
    assertThat(request.action().tool()).isEqualTo("demo.send");
    assertThat(request.action().arguments()).isEqualTo(newArguments);
    assertThat(request.approvedBy()).isEqualTo("local-operator");
    assertThat(SIGNER.verifies(request)).isTrue();
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldDenyAnEditWhoseArgumentsAreNotAnObject() {
    Decision<GuardrailState> decision =
        guardrail.decide(
            awaitingApproval(),
            edited("local-operator", JsonNodeFactory.instance.arrayNode().add("x")));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> assertThat(denied.reason()).contains("must be a JSON object"));
  }

  @Test
  void shouldDenyTheActionWhenTheApprovalExpires() {
    Decision<GuardrailState> decision =
        guardrail.decide(
            awaitingApproval(),
            new Expired(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, "system:sla", null));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> assertThat(denied.reason()).isEqualTo("approval expired"));
  }

  @Test
  void shouldIgnoreASecondResolutionOfTheSameApproval() {
    GuardrailState approved =
        guardrail.decide(awaitingApproval(), approved("local-operator")).state();

    Decision<GuardrailState> twice = guardrail.decide(approved, approved("local-operator"));
    Decision<GuardrailState> deniedLate =
        guardrail.decide(
            approved,
            new Denied(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, "local-operator", "late"));

    assertThat(twice.emit()).isEmpty();
    assertThat(deniedLate.emit()).isEmpty();
    assertThat(twice.state()).isEqualTo(approved);
  }

  @Test
  void shouldIgnoreResolutionsOfUnknownEscalations() {
    Approved unknown =
        new Approved(GOAL, UUID.randomUUID(), null, NOW, "nope/approval", "local-operator", null);

    assertThat(guardrail.decide(awaitingApproval(), unknown).emit()).isEmpty();
    assertThat(guardrail.decide(null, unknown).emit()).isEmpty();
    assertThat(guardrail.decide(null, unknown).state()).isNull();
  }

  @Test
  void shouldKeepTheApprovalPendingOnAnAnswerMeantForAQuestion() {
    GuardrailState waiting = awaitingApproval();

    Decision<GuardrailState> decision =
        guardrail.decide(
            waiting, new Answered(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, "op", "yes"));

    assertThat(decision.emit()).isEmpty();
    assertThat(decision.state()).isEqualTo(waiting);
  }

  @Test
  void shouldEscalateAHandoffUnderAnIdDerivedFromTheProposal() {
    HandoffProposed handoff =
        new HandoffProposed(
            GOAL,
            UUID.randomUUID(),
            null,
            NOW,
            "demo",
            "human:sales",
            "stuck",
            "tried twice",
            new HandoffContext(
                "Follow up with ACME", Map.of(), List.of("demo: lookup failed"), Map.of(), "help"));

    Decision<GuardrailState> decision = guardrail.decide(null, handoff);

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            HandoffRequested.class,
            requested -> {
              assertThat(requested.escalationId()).isEqualTo(handoff.eventId() + "/handoff");
              assertThat(requested.queue()).isEqualTo("human:sales");
              assertThat(requested.target()).isEqualTo("human:sales");
              assertThat(requested.fromAgent()).isEqualTo("demo");
              assertThat(requested.reason()).isEqualTo("stuck");
              assertThat(requested.summary()).isEqualTo("tried twice");
              assertThat(requested.causationId()).isEqualTo(handoff.eventId());
              assertThat(requested.context()).isEqualTo(handoff.context());
            });
  }

  @Test
  void shouldEscalateAQuestionUnderAnIdDerivedFromTheProposal() {
    QuestionProposed question =
        new QuestionProposed(
            GOAL, UUID.randomUUID(), null, NOW, "demo", "human:sales", "Which account?");

    Decision<GuardrailState> decision = guardrail.decide(null, question);

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            QuestionAsked.class,
            asked -> {
              assertThat(asked.escalationId()).isEqualTo(question.eventId() + "/question");
              assertThat(asked.queue()).isEqualTo("human:sales");
              assertThat(asked.agent()).isEqualTo("demo");
              assertThat(asked.question()).isEqualTo("Which account?");
            });
  }

  @Test
  void shouldRefuseEventsFromTopicsItDoesNotRead() {
    SwitchboardEvent goal =
        new GoalSubmitted(GOAL, UUID.randomUUID(), null, NOW, null, "d", Map.of());

    assertThatThrownBy(() -> guardrail.decide(null, goal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GoalSubmitted");
  }

  private GuardrailState awaitingApproval() {
    return guardrail.decide(null, proposed(send())).state();
  }

  private static StepsProposed proposed(PlannedAction... actions) {
    return new StepsProposed(GOAL, UUID.randomUUID(), null, NOW, "demo", List.of(actions));
  }

  private static PlannedAction lookup() {
    return new PlannedAction(
        LOOKUP_ID,
        "demo.lookup",
        JsonNodeFactory.instance.objectNode().put("account", "ACME"),
        List.of(),
        false,
        "find the contact");
  }

  private static PlannedAction send() {
    return new PlannedAction(
        SEND_ID, "demo.send", arguments("jane@acme.example"), List.of(LOOKUP_ID), true, "write");
  }

  private static JsonNode arguments(String to) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("to", to)
        .put("subject", "Following up")
        .put("body", "Hello");
  }

  private static Approved approved(String actor) {
    return new Approved(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, actor, null);
  }

  private static ResolutionEvent edited(String actor, JsonNode arguments) {
    return new Edited(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, actor, arguments);
  }
}
