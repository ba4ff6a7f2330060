package dev.switchboard.handoff;

import static dev.switchboard.handoff.Escalations.ANN;
import static dev.switchboard.handoff.Escalations.BOB;
import static dev.switchboard.handoff.Escalations.BOT;
import static dev.switchboard.handoff.Escalations.CAROL;
import static dev.switchboard.handoff.Escalations.ORIGIN;
import static dev.switchboard.handoff.Escalations.SALES_ONLY;
import static dev.switchboard.handoff.Escalations.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.edge.testing.MutableClock;
import dev.switchboard.handoff.EscalationDesk.Accepted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EscalationDeskTest {
  private final MutableClock clock = new MutableClock(T0.plusSeconds(300));
  private final InboxInMemory inbox = new InboxInMemory();
  private final ListedAgents agents = new ListedAgents("closer", "scout");
  private final EscalationDesk desk =
      new EscalationDesk(
          inbox,
          inbox,
          new InboxAuthority(new QueueAccess(Map.of(), "admin")),
          new SlaClock(clock),
          new AgentTargets(agents));

  @Test
  void shouldListItemsOfAllGoalsWithTheFilter() {
    inbox.apply(Escalations.approvalRequested("g-b", T0.plusSeconds(2)));
    inbox.apply(Escalations.questionAsked("g-c", T0.plusSeconds(1)));
    ApprovalRequested resolved = Escalations.approvalRequested("g-d", T0);
    inbox.apply(resolved);
    inbox.apply(Escalations.approved(resolved, "ann"));

    assertThat(desk.items(ItemFilter.pending()))
        .extracting(InboxItem::goalId)
        .containsExactlyInAnyOrder("g-b", "g-c");
    assertThat(desk.items(new ItemFilter(ItemFilter.StatusFilter.RESOLVED, null, null, null, null)))
        .extracting(InboxItem::goalId)
        .containsExactly("g-d");
    assertThat(
            desk.items(
                new ItemFilter(null, "human:sales", null, EscalationKind.QuestionAsked, null)))
        .extracting(InboxItem::goalId)
        .containsExactly("g-c");
    assertThat(desk.items(new ItemFilter(null, null, null, null, "g-unknown"))).isEmpty();
  }

  /** An answer reads only its own goal's state, found through the goal its id names. */
  @Test
  void shouldAnswerWithoutReadingAnyOtherGoal() {
    ApprovalRequested request = pending("g-1");
    InboxSource oneGoalOnly =
        new InboxSource() {
          @Override
          public List<HandoffState> all() {
            throw new AssertionError("an answer must not scan every goal");
          }

          @Override
          public java.util.Optional<HandoffState> ofGoal(String goalId) {
            assertThat(goalId).isEqualTo("g-1");
            return inbox.ofGoal(goalId);
          }
        };
    EscalationDesk scanless =
        new EscalationDesk(
            oneGoalOnly,
            inbox,
            new InboxAuthority(new QueueAccess(Map.of(), "admin")),
            new SlaClock(clock),
            new AgentTargets(agents));

    assertThat(
            scanless.act(BOT, request.escalationId(), new Answer.Approve(null), ORIGIN).written())
        .isTrue();
  }

  @Test
  void shouldWriteAnApprovalWithItsAuditRecord() {
    ApprovalRequested request = pending("g-1");

    Accepted accepted = desk.act(ANN, request.escalationId(), new Answer.Approve("fine"), ORIGIN);

    assertThat(accepted.written()).isTrue();
    Approved approved = (Approved) accepted.resolution();
    assertThat(inbox.written).containsExactly(approved);
    assertThat(approved.goalId()).isEqualTo("g-1");
    assertThat(approved.actor()).isEqualTo("ann");
    assertThat(approved.comment()).isEqualTo("fine");
    assertThat(approved.causationId()).isEqualTo(request.eventId());
    assertThat(approved.occurredAt()).isEqualTo(clock.instant());
    assertThat(approved.audit())
        .isEqualTo(
            new ResolutionAudit(
                "password",
                List.of("approvers"),
                "10.0.0.7",
                "curl/8.5",
                "4bf92f3577b34da6a3ce929d0e0e4736"));
  }

  @Test
  void shouldGiveTheSameAnswerForTheSameDecisionAndWriteItOnce() {
    ApprovalRequested request = pending("g-1");
    Accepted first = desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN);

    Accepted again = desk.act(ANN, request.escalationId(), new Answer.Approve("x"), ORIGIN);
    Accepted byBob = desk.act(BOB, request.escalationId(), new Answer.Approve(null), ORIGIN);
    inbox.apply(first.resolution());
    Accepted afterCatchUp = desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN);

    assertThat(again.written()).isFalse();
    assertThat(List.of(again, byBob, afterCatchUp))
        .extracting(Accepted::resolution)
        .containsOnly(first.resolution());
    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldRefuseAConflictingDecisionNamingWhoDecidedFirst() {
    ApprovalRequested request = pending("g-1");
    ResolutionEvent first =
        desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN).resolution();

    assertThatThrownBy(() -> desk.act(BOB, request.escalationId(), new Answer.Deny("no"), ORIGIN))
        .isInstanceOfSatisfying(
            InboxProblem.AlreadyDecided.class,
            conflict -> {
              assertThat(conflict.getMessage())
                  .isEqualTo(
                      "escalation '"
                          + request.escalationId()
                          + "' is already resolved (Approved by ann at "
                          + first.occurredAt()
                          + ")");
              assertThat(conflict.properties()).containsEntry("decidedBy", "ann");
            });
    inbox.apply(first);
    assertThatThrownBy(() -> desk.act(BOB, request.escalationId(), new Answer.Deny("no"), ORIGIN))
        .isInstanceOf(InboxProblem.AlreadyDecided.class);
    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldRefuseSomeoneWhoseRolesDoNotCoverTheQueueAndWriteNothing() {
    ApprovalRequested request = pending("g-1");

    assertThatThrownBy(
            () -> desk.act(SALES_ONLY, request.escalationId(), new Answer.Approve(null), ORIGIN))
        .isInstanceOf(InboxProblem.Refused.class)
        .hasMessage("'sam' may not work queue human:approvers (it needs the role approvers)");
    assertThatThrownBy(
            () -> desk.act(SALES_ONLY, request.escalationId(), new Answer.Deny("no"), ORIGIN))
        .isInstanceOf(InboxProblem.Refused.class);
    assertThat(inbox.written).isEmpty();
  }

  @Test
  void shouldKeepTheRequesterFromApprovingTheirOwnGoalUnderFourEyes() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0, "Carol", true, null);
    inbox.apply(request);

    assertThatThrownBy(
            () -> desk.act(CAROL, request.escalationId(), new Answer.Approve(null), ORIGIN))
        .isInstanceOf(InboxProblem.Refused.class)
        .hasMessage(
            "four-eyes: 'carol' asked for goal g-1 and may not approve its actions; someone else"
                + " must");
    assertThatThrownBy(() -> desk.act(CAROL, request.escalationId(), edit("x@y.example"), ORIGIN))
        .isInstanceOf(InboxProblem.Refused.class);
    assertThat(inbox.written).isEmpty();

    // Stopping her own goal's action needs no second pair of eyes.
    assertThat(desk.act(CAROL, request.escalationId(), new Answer.Deny("oops"), ORIGIN).written())
        .isTrue();
  }

  @Test
  void shouldLetTheRequesterApproveWhenThePolicyAsksNoFourEyes() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0, "carol", false, null);
    inbox.apply(request);

    assertThat(desk.act(CAROL, request.escalationId(), new Answer.Approve(null), ORIGIN).written())
        .isTrue();
  }

  @Test
  void shouldAskForTheApproverRoleThePolicyNames() {
    ApprovalRequested request =
        Escalations.withApproverRole(Escalations.approvalRequested("g-1", T0), "controller");
    inbox.apply(request);

    assertThatThrownBy(
            () -> desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN))
        .isInstanceOf(InboxProblem.Refused.class)
        .hasMessage(
            "to approve this, the policy needs the role 'controller', which 'ann' does not have");
    dev.switchboard.websecurity.Caller controller =
        new dev.switchboard.websecurity.Caller(
            "cora", java.util.Set.of("approvers", "controller"), "jwt");
    assertThat(
            desk.act(controller, request.escalationId(), new Answer.Approve(null), ORIGIN)
                .written())
        .isTrue();
  }

  @Test
  void shouldExpireAnOverdueItemInsteadOfTakingTheAnswer() {
    ApprovalRequested request =
        Escalations.approvalRequested("g-1", T0, null, false, Duration.ofMinutes(2));
    inbox.apply(request);

    assertThatThrownBy(
            () -> desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN))
        .isInstanceOf(InboxProblem.DeadlinePassed.class)
        .hasMessageContaining("passed its deadline at 2025-01-01T10:02:00Z and expired");
    assertThat(inbox.written)
        .singleElement()
        .isInstanceOfSatisfying(
            Expired.class,
            expired -> {
              assertThat(expired.actor()).isEqualTo(SlaClock.ACTOR);
              assertThat(expired.reason())
                  .isEqualTo(
                      "no answer from human:approvers within 2 min (due 2025-01-01T10:02:00Z)");
            });
    assertThatThrownBy(() -> desk.act(BOB, request.escalationId(), new Answer.Deny("late"), ORIGIN))
        .isInstanceOf(InboxProblem.AlreadyDecided.class)
        .hasMessageContaining("Expired by system:sla");
    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldAcceptAnEditWithChangedArgumentsOnly() {
    ApprovalRequested request = pending("g-1");

    assertThatThrownBy(
            () ->
                desk.act(
                    ANN,
                    request.escalationId(),
                    new Answer.Edit(Escalations.CODEC.mapper().readTree("[1]")),
                    ORIGIN))
        .isInstanceOf(InboxProblem.InvalidAnswer.class)
        .hasMessage("edited 'arguments' must be a JSON object");
    assertThatThrownBy(
            () ->
                desk.act(
                    ANN,
                    request.escalationId(),
                    new Answer.Edit(request.action().arguments()),
                    ORIGIN))
        .isInstanceOf(InboxProblem.InvalidAnswer.class)
        .hasMessage("the edited arguments are the proposed ones; approve instead");
    Edited edited =
        (Edited) desk.act(ANN, request.escalationId(), edit("x@y.example"), ORIGIN).resolution();

    assertThat(edited.arguments().get("to").asString()).isEqualTo("x@y.example");
    assertThat(desk.act(ANN, request.escalationId(), edit("x@y.example"), ORIGIN).written())
        .isFalse();
    assertThatThrownBy(() -> desk.act(ANN, request.escalationId(), edit("z@y.example"), ORIGIN))
        .isInstanceOf(InboxProblem.AlreadyDecided.class);
  }

  @Test
  void shouldAnswerQuestionsAndTakeOverHandoffsOnly() {
    QuestionAsked question = Escalations.questionAsked("g-1", T0);
    inbox.apply(question);
    var handoff = Escalations.handoffRequested("g-2", T0);
    inbox.apply(handoff);
    dev.switchboard.websecurity.Caller admin =
        new dev.switchboard.websecurity.Caller("ada", java.util.Set.of("admin"), "oidc");

    assertThatThrownBy(
            () -> desk.act(BOB, question.escalationId(), new Answer.Approve(null), ORIGIN))
        .isInstanceOf(InboxProblem.DoesNotFit.class)
        .hasMessage(
            "escalation '"
                + question.escalationId()
                + "' is a QuestionAsked; you cannot approve it");
    assertThatThrownBy(() -> desk.act(BOB, question.escalationId(), new Answer.Reply(" "), ORIGIN))
        .isInstanceOf(InboxProblem.InvalidAnswer.class);
    Answered answered =
        (Answered)
            desk.act(BOB, question.escalationId(), new Answer.Reply("EMEA"), ORIGIN).resolution();
    TakenOver takenOver =
        (TakenOver)
            desk.act(admin, handoff.escalationId(), new Answer.TakeOver("called her"), ORIGIN)
                .resolution();

    assertThat(answered.answer()).isEqualTo("EMEA");
    assertThat(takenOver.result()).isEqualTo("called her");
    assertThat(takenOver.audit().authenticatedBy()).isEqualTo("oidc");
  }

  @Test
  void shouldReassignAnApprovalToAnotherHumanQueueOnly() {
    ApprovalRequested request = pending("g-1");
    inbox.feedBack = true;

    assertThatThrownBy(
            () -> desk.act(ANN, request.escalationId(), new Answer.Reassign("agent:x"), ORIGIN))
        .isInstanceOf(InboxProblem.InvalidAnswer.class)
        .hasMessage("an approval is for a person: reassign it to another human:<queue>");
    desk.act(ANN, request.escalationId(), new Answer.Reassign("human:sales"), ORIGIN);

    InboxItem moved = desk.find(request.escalationId());
    assertThat(moved.isPending()).isTrue();
    assertThat(moved.queue()).isEqualTo("human:sales");
    assertThat(
            desk.act(ANN, request.escalationId(), new Answer.Reassign("human:sales"), ORIGIN)
                .written())
        .isFalse();
    // Ann works approvals, not sales: the item has left her queues.
    assertThatThrownBy(
            () -> desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN))
        .isInstanceOf(InboxProblem.Refused.class);
    assertThat(desk.act(BOB, request.escalationId(), new Answer.Approve(null), ORIGIN).written())
        .isTrue();
  }

  @Test
  void shouldHandAQuestionOnlyToAnAgentTheCatalogListsAndWriteNothingOtherwise() {
    QuestionAsked question = Escalations.questionAsked("g-1", T0);
    inbox.apply(question);

    assertThatThrownBy(
            () ->
                desk.act(BOB, question.escalationId(), new Answer.Reassign("agent:nobody"), ORIGIN))
        .isInstanceOf(InboxProblem.UnknownAgent.class)
        .hasMessageContaining("agent:closer, agent:scout");
    agents.loaded = false;
    assertThatThrownBy(
            () ->
                desk.act(BOB, question.escalationId(), new Answer.Reassign("agent:scout"), ORIGIN))
        .isInstanceOf(InboxProblem.AgentsNotLoaded.class);
    assertThat(inbox.written).isEmpty();
    assertThat(desk.find(question.escalationId()).isPending()).isTrue();

    agents.loaded = true;
    ResolutionEvent handed =
        desk.act(BOB, question.escalationId(), new Answer.Reassign("agent:scout"), ORIGIN)
            .resolution();

    assertThat(handed)
        .isInstanceOfSatisfying(
            ResolutionEvent.Reassigned.class,
            reassigned -> assertThat(reassigned.newOwner()).isEqualTo("agent:scout"));
    assertThat(inbox.written).containsExactly(handed);
  }

  @Test
  void shouldLetAnApprovalBeGivenAgainOnceTheGuardrailRefusedIt() {
    ApprovalRequested request = pending("g-1");
    inbox.feedBack = true;
    ResolutionEvent refusedOne =
        desk.act(BOT, request.escalationId(), new Answer.Approve(null), ORIGIN).resolution();

    inbox.apply(Escalations.refused(refusedOne, "'ticket-bot' is not on the guardrail's list"));

    InboxItem waiting = desk.find(request.escalationId());
    assertThat(waiting.isPending()).isTrue();
    assertThat(waiting.refusal()).contains("ticket-bot");
    Accepted byAnn = desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN);
    assertThat(byAnn.written()).isTrue();
    assertThat(inbox.written).hasSize(2);
  }

  @Test
  void shouldShowAnAnswerWrittenHereBeforeTheInboxHasCaughtUp() {
    ApprovalRequested request = pending("g-1");
    desk.act(ANN, request.escalationId(), new Answer.Deny("wrong person"), ORIGIN);

    assertThat(desk.items(ItemFilter.pending())).isEmpty();
    assertThat(desk.find(request.escalationId()).decision()).isInstanceOf(Denied.class);
  }

  @Test
  void shouldLetAnAnswerBeRetriedWhenKafkaDidNotTakeIt() {
    ApprovalRequested request = pending("g-1");
    inbox.failNextWrite = new IllegalStateException("broker down");

    assertThatThrownBy(
            () -> desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN))
        .hasMessage("broker down");
    assertThat(desk.act(ANN, request.escalationId(), new Answer.Approve(null), ORIGIN).written())
        .isTrue();
    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldFindItemsByTheGoalTheirIdNamesAndNothingElse() {
    pending("g-1");

    assertThatThrownBy(() -> desk.find("g-1~approval-00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(InboxProblem.NotFound.class);
    assertThatThrownBy(() -> desk.find("nope"))
        .isInstanceOf(InboxProblem.NotFound.class)
        .hasMessage("no escalation 'nope' in the inbox");
  }

  private ApprovalRequested pending(String goalId) {
    ApprovalRequested request = Escalations.approvalRequested(goalId, T0);
    inbox.apply(request);
    return request;
  }

  private static Answer.Edit edit(String to) {
    JsonNode arguments =
        Escalations.CODEC
            .mapper()
            .readTree("{\"to\":\"" + to + "\",\"subject\":\"Hello\",\"body\":\"Hi Pat\"}");
    return new Answer.Edit(arguments);
  }
}
