package dev.switchboard.guardrail;

import static dev.switchboard.guardrail.Fixtures.NOW;
import static dev.switchboard.guardrail.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCancelled;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
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
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.EventRefusal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The guardrail's routing, verdicts, signing, audit and approvals, with the shipped policy. */
class GuardrailTest {
  private static final String GOAL = "goal-1";
  private static final String LOOKUP_ID = GOAL + "/step-1";
  private static final String SEND_ID = GOAL + "/step-2";
  private static final String APPROVAL = Guardrail.approvalIdFor(GOAL, SEND_ID);
  private static final ActionSigner OTHER_SIGNER =
      ActionSigner.fromSecret("some-other-signing-key-of-32-bytes!!", Fixtures.CODEC);

  private final Guardrail guardrail = Fixtures.guardrail();

  @Test
  void shouldAllowAndRequestAReadOnlyActionSignedWithTheKey() {
    StepsProposed steps = proposed(lookup());

    Decision<GuardrailState> decision = guardrail.decide(known(), steps);

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
    assertThat(decision.state().allowed()).isEqualTo(1);
  }

  @Test
  void shouldWriteTheAuditRecordOfEveryDecision() {
    Decision<GuardrailState> decision =
        guardrail.decide(
            known(),
            proposed(lookup(), send()),
            new EventContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

    Audit allowed = ((ActionAllowed) decision.emit().get(0)).audit();
    assertThat(allowed.policyId()).isEqualTo("switchboard-default");
    assertThat(allowed.policyVersion()).matches("1\\+[0-9a-f]{12}");
    assertThat(allowed.rule()).isEqualTo("read-only-tools");
    assertThat(allowed.reason()).isEqualTo("the tool only reads");
    assertThat(allowed.inputsHash()).matches("[0-9a-f]{64}");
    assertThat(allowed.approvedBy()).isNull();
    assertThat(allowed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(allowed.tool()).isEqualTo("demo.lookup");
    assertThat(allowed.agent()).isEqualTo("demo");
    assertThat(allowed.tenant()).isEqualTo("acme");
    Audit escalated = ((ActionEscalated) decision.emit().get(2)).audit();
    assertThat(escalated.rule()).isEqualTo("outbound-communication");
    assertThat(escalated.inputsHash()).isNotEqualTo(allowed.inputsHash());
    assertThat(escalated.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(guardrail.decide(known(), proposed(lookup()), EventContext.none()).emit())
        .first()
        .satisfies(verdict -> assertThat(((ActionAllowed) verdict).audit().traceId()).isNull());
  }

  @Test
  void shouldLetTheConfiguredTimeToLiveSetTheExpiry() {
    Guardrail shortLived =
        Fixtures.guardrail(
            Fixtures.defaultPolicy(),
            new GuardrailProperties(
                null, null, null, null, null, null, null, Duration.ofSeconds(30)),
            RateUsage.NONE);

    ActionRequested request =
        (ActionRequested) shortLived.decide(known(), proposed(lookup())).emit().get(1);

    assertThat(request.expiresAt()).isEqualTo(Fixtures.NOW.plusSeconds(30));
    assertThat(SIGNER.verifies(request)).isTrue();
  }

  @Test
  void shouldEscalateAnOutboundActionToTheApproversWithTheRulesRoute() {
    StepsProposed steps = proposed(send());

    Decision<GuardrailState> decision = guardrail.decide(known(), steps);

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
    assertThat(approval.sla()).isEqualTo(Duration.ofHours(4));
    assertThat(approval.fourEyes()).isFalse();
    assertThat(approval.onExpiry()).as("the rule leaves expiry to the inbox").isNull();
    assertThat(approval.requestedBy()).as("from the goal's GoalSubmitted").isEqualTo("alice");
    assertThat(EscalationIds.goalIdOf(approval.escalationId())).contains(GOAL);
    assertThat(decision.state().pending()).containsKey(APPROVAL);
    assertThat(decision.state().pending().get(APPROVAL).queue()).isEqualTo("human:approvers");
    assertThat(decision.state().pending().get(APPROVAL).action()).isEqualTo(send());
  }

  @Test
  void shouldDenyAnUnknownTool() {
    PlannedAction shell = new PlannedAction(GOAL + "/x", "shell.exec", null, null, true, null);

    Decision<GuardrailState> decision = guardrail.decide(known(), proposed(shell));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> {
              assertThat(denied.policy()).isEqualTo("unknown-tool");
              assertThat(denied.reason()).isEqualTo("tool 'shell.exec' is not in the tool catalog");
              assertThat(denied.audit().policyId()).isEqualTo("switchboard-builtin");
            });
  }

  @Test
  void shouldDenyArgumentsThatDoNotMatchTheToolsSchemaWithTheErrors() {
    PlannedAction noAccount = Fixtures.action(LOOKUP_ID, "demo.lookup", "{\"acount\":\"ACME\"}");

    Decision<GuardrailState> decision = guardrail.decide(known(), proposed(noAccount));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> {
              assertThat(denied.policy()).isEqualTo("argument-schema");
              assertThat(denied.reason())
                  .contains("do not match the input schema of 'demo.lookup'")
                  .contains("account");
            });
  }

  @Test
  void shouldJudgeEachActionOfAProposalOnItsOwn() {
    Decision<GuardrailState> decision = guardrail.decide(known(), proposed(lookup(), send()));

    assertThat(decision.emit())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly(
            "ActionAllowed", "ActionRequested", "ActionEscalated", "ApprovalRequested");
  }

  @Test
  void shouldNotJudgeAnActionTwice() {
    GuardrailState judged = guardrail.decide(known(), proposed(lookup(), send())).state();

    Decision<GuardrailState> again = guardrail.decide(judged, proposed(lookup(), send()));

    assertThat(again.emit()).isEmpty();
    assertThat(again.state()).isEqualTo(judged);
  }

  @Test
  void shouldJudgeAProposalThatArrivedBeforeItsGoalOnceTheGoalArrives() {
    StepsProposed early = proposed(lookup());

    Decision<GuardrailState> parked = guardrail.decide(null, early);
    Decision<GuardrailState> released =
        guardrail.decide(parked.state(), Fixtures.submitted(GOAL, "acme", "alice"));

    assertThat(parked.emit()).isEmpty();
    assertThat(parked.state().parked()).containsExactly(early);
    assertThat(released.emit())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("ActionAllowed", "ActionRequested");
    assertThat(((ActionAllowed) released.emit().get(0)).audit().tenant()).isEqualTo("acme");
    assertThat(released.state().parked()).isEmpty();
    assertThat(released.state().goal().requestedBy()).isEqualTo("alice");
  }

  @Test
  void shouldKeepTheFirstMetadataWhenAGoalIsSubmittedAgain() {
    GuardrailState first = known();

    Decision<GuardrailState> again =
        guardrail.decide(first, Fixtures.submitted(GOAL, "other-tenant", "mallory"));

    assertThat(again.state().goal().tenant()).isEqualTo("acme");
  }

  @Test
  void shouldRequestTheStoredActionWhenAnAuthorizedApproverApproves() {
    Approved approved = approved("local-operator");

    Decision<GuardrailState> decision = guardrail.decide(awaitingApproval(), approved);

    assertThat(decision.emit()).hasSize(2);
    ActionAllowed allowed = (ActionAllowed) decision.emit().get(0);
    assertThat(allowed.actionId()).isEqualTo(SEND_ID);
    assertThat(allowed.policy()).isEqualTo("approved-by-human");
    assertThat(allowed.audit().approvedBy()).isEqualTo("local-operator");
    assertThat(allowed.audit().policyId()).isEqualTo("switchboard-default");
    assertThat(allowed.audit().inputsHash())
        .isEqualTo(awaitingApproval().pending().get(APPROVAL).inputsHash());
    ActionRequested request = (ActionRequested) decision.emit().get(1);
    assertThat(request.action()).isEqualTo(send());
    assertThat(request.approvedBy()).isEqualTo("local-operator");
    assertThat(request.causationId()).isEqualTo(approved.eventId());
    assertThat(SIGNER.verifies(request)).isTrue();
    assertThat(decision.state().pending()).isEmpty();
    assertThat(decision.state().allowed()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheApprovalPendingAndSayWhyWhenTheActorMayNotApprove() {
    GuardrailState waiting = awaitingApproval();
    Approved byMallory = approved("mallory");

    Decision<GuardrailState> refused = guardrail.decide(waiting, byMallory);
    Decision<GuardrailState> editByMallory =
        guardrail.decide(waiting, edited("mallory", arguments("mallory@evil.example")));
    Decision<GuardrailState> byOperator =
        guardrail.decide(refused.state(), approved("local-operator"));

    assertThat(refused.state()).isEqualTo(waiting);
    assertThat(refused.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ResolutionRefused.class,
            reopened -> {
              assertThat(reopened.escalationId()).isEqualTo(APPROVAL);
              assertThat(reopened.causationId()).isEqualTo(byMallory.eventId());
              assertThat(reopened.queue()).isEqualTo("human:approvers");
              assertThat(reopened.actor()).isEqualTo("mallory");
              assertThat(reopened.resolution()).isEqualTo("Approved");
              assertThat(reopened.reason()).isEqualTo("'mallory' is not an approver");
            });
    assertThat(editByMallory.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ResolutionRefused.class,
            reopened -> assertThat(reopened.resolution()).isEqualTo("Edited"));
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
              assertThat(denied.audit().rule()).isEqualTo("human-approval");
            });
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldRequestTheEditedActionSignedAnewWhenAnApproverEditsIt() {
    JsonNode newArguments = arguments("jane.doe@acme.example");

    Decision<GuardrailState> decision =
        guardrail.decide(awaitingApproval(), edited("local-operator", newArguments));

    assertThat(decision.emit()).hasSize(2);
    ActionAllowed allowed = (ActionAllowed) decision.emit().get(0);
    assertThat(allowed.policy()).isEqualTo("edited-by-human");
    assertThat(allowed.audit().approvedBy()).isEqualTo("local-operator");
    ActionRequested request = (ActionRequested) decision.emit().get(1);
    assertThat(request.action().actionId()).isEqualTo(SEND_ID);
    assertThat(request.action().tool()).isEqualTo("demo.send");
    assertThat(request.action().arguments()).isEqualTo(newArguments);
    assertThat(request.approvedBy()).isEqualTo("local-operator");
    assertThat(SIGNER.verifies(request)).isTrue();
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldDenyAnEditWhoseArgumentsBreakTheSchema() {
    Decision<GuardrailState> decision =
        guardrail.decide(
            awaitingApproval(),
            edited("local-operator", Fixtures.json("{\"to\":\"jane@acme.example\"}")));

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> {
              assertThat(denied.policy()).isEqualTo("argument-schema");
              assertThat(denied.reason()).contains("subject");
            });
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
  void shouldRefuseASecondApprovalOfTheSameEscalationAndIgnoreALateDenial() {
    GuardrailState approved =
        guardrail.decide(awaitingApproval(), approved("local-operator")).state();

    Decision<GuardrailState> deniedLate =
        guardrail.decide(
            approved,
            new Denied(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, "local-operator", "late"));

    assertThatThrownBy(() -> guardrail.decide(approved, approved("local-operator")))
        .isInstanceOf(EventRefusal.class)
        .hasMessageContaining("Approved for escalation " + APPROVAL)
        .hasMessageContaining("no approval pending under that id");
    assertThat(deniedLate.emit()).isEmpty();
    assertThat(deniedLate.state()).isEqualTo(approved);
  }

  @Test
  void shouldRefuseApprovalsAndEditsOfEscalationsItNeverIssued() {
    Approved unknown =
        new Approved(GOAL, UUID.randomUUID(), null, NOW, "nope/approval", "local-operator", null);
    Edited unknownEdit =
        new Edited(
            GOAL,
            UUID.randomUUID(),
            null,
            NOW,
            "nope/approval",
            "local-operator",
            arguments("pat@acme.example"));

    assertThatThrownBy(() -> guardrail.decide(awaitingApproval(), unknown))
        .isInstanceOf(EventRefusal.class)
        .hasMessageStartingWith("refused: Approved for escalation nope/approval");
    assertThatThrownBy(() -> guardrail.decide(null, unknown)).isInstanceOf(EventRefusal.class);
    assertThatThrownBy(() -> guardrail.decide(awaitingApproval(), unknownEdit))
        .isInstanceOf(EventRefusal.class)
        .hasMessageStartingWith("refused: Edited for escalation nope/approval");
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
  void shouldRelayAHandoffToAPersonUnderAnIdDerivedFromTheProposal() {
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

    Decision<GuardrailState> decision = guardrail.decide(known(), handoff);

    assertThat(decision.emit()).hasSize(2);
    ActionAllowed verdict = (ActionAllowed) decision.emit().get(0);
    assertThat(verdict.actionId()).isEqualTo(handoff.eventId() + "/handoff");
    assertThat(verdict.policy()).isEqualTo("handoff-to-person");
    String escalationId = EscalationIds.of(GOAL, "handoff", handoff.eventId().toString());
    assertThat(decision.emit().get(1))
        .isInstanceOfSatisfying(
            HandoffRequested.class,
            requested -> {
              assertThat(requested.escalationId()).isEqualTo(escalationId);
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
  void shouldHandOffOnlyToAgentsTheSpecLists() {
    HandoffProposed listed =
        new HandoffProposed(
            GOAL, UUID.randomUUID(), null, NOW, "sdr", "agent:writer", "draft", null);
    HandoffProposed unlisted =
        new HandoffProposed(
            GOAL, UUID.randomUUID(), null, NOW, "writer", "agent:researcher", "x", null);

    Decision<GuardrailState> allowed = guardrail.decide(known(), listed);
    Decision<GuardrailState> denied = guardrail.decide(known(), unlisted);

    assertThat(allowed.emit())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("ActionAllowed", "HandoffRequested");
    assertThat(denied.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            d -> assertThat(d.policy()).isEqualTo("handoff-to-unlisted-target"));
  }

  @Test
  void shouldRelayAQuestionUnderAnIdDerivedFromTheProposal() {
    QuestionProposed question =
        new QuestionProposed(
            GOAL, UUID.randomUUID(), null, NOW, "demo", "human:sales", "Which account?");

    Decision<GuardrailState> decision = guardrail.decide(null, question);

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            QuestionAsked.class,
            asked -> {
              assertThat(asked.escalationId())
                  .isEqualTo(EscalationIds.of(GOAL, "question", question.eventId().toString()));
              assertThat(asked.queue()).isEqualTo("human:sales");
              assertThat(asked.agent()).isEqualTo("demo");
              assertThat(asked.question()).isEqualTo("Which account?");
            });
  }

  @Test
  void shouldEndTheGoalWhenItsOutcomeArrivesAndKeepItsStateUntilTheRetention() {
    GuardrailState decided = guardrail.decide(known(), proposed(lookup())).state();
    SwitchboardEvent outcome = new GoalCompleted(GOAL, UUID.randomUUID(), null, NOW, "done", null);

    Decision<GuardrailState> decision = guardrail.decide(decided, outcome);

    assertThat(decision.ended()).isTrue();
    assertThat(decision.state()).isEqualTo(decided);
    assertThat(decision.emit()).isEmpty();
  }

  @Test
  void shouldCloseTheApprovalsOfAGoalThatEndedSoALateApprovalRunsNothing() {
    SwitchboardEvent cancelled =
        new GoalCancelled(GOAL, UUID.randomUUID(), null, NOW, "cancelled", "no longer needed");

    Decision<GuardrailState> ended = guardrail.decide(awaitingApproval(), cancelled);

    assertThat(ended.ended()).isTrue();
    assertThat(ended.state().pending()).isEmpty();
    assertThat(ended.state().goal()).isEqualTo(awaitingApproval().goal());
    assertThatThrownBy(() -> guardrail.decide(ended.state(), approved("local-operator")))
        .isInstanceOf(EventRefusal.class)
        .hasMessageContaining("or its goal ended");
    assertThat(
            guardrail
                .decide(
                    ended.state(),
                    new Denied(GOAL, UUID.randomUUID(), null, NOW, APPROVAL, "ann", "late"))
                .emit())
        .isEmpty();
  }

  @Test
  void shouldEndAGoalItNeverJudged() {
    SwitchboardEvent outcome = new GoalCompleted(GOAL, UUID.randomUUID(), null, NOW, "done", null);

    Decision<GuardrailState> decision = guardrail.decide(null, outcome);

    assertThat(decision.ended()).isTrue();
    assertThat(decision.emit()).isEmpty();
  }

  @Test
  void shouldNotEndTheGoalOnAnythingButItsOutcome() {
    assertThat(guardrail.decide(null, Fixtures.submitted(GOAL, "acme", "alice")).ended()).isFalse();
    assertThat(guardrail.decide(known(), proposed(send())).ended()).isFalse();
  }

  @Test
  void shouldRefuseEventsFromTopicsItDoesNotRead() {
    SwitchboardEvent verdict = new ActionAllowed(GOAL, UUID.randomUUID(), null, NOW, "a-1", "r");

    assertThatThrownBy(() -> guardrail.decide(null, verdict))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ActionAllowed");
  }

  private GuardrailState known() {
    return guardrail.decide(null, Fixtures.submitted(GOAL, "acme", "alice")).state();
  }

  private GuardrailState awaitingApproval() {
    return guardrail.decide(known(), proposed(send())).state();
  }

  private static StepsProposed proposed(PlannedAction... actions) {
    return Fixtures.proposed(GOAL, "demo", actions);
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
