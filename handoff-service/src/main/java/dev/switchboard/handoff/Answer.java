package dev.switchboard.handoff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What a person does with an inbox item, before it becomes a resolution: each answer says which
 * escalations it fits, whether it takes an approver's authority, what makes it well-formed, and
 * when a second answer is the same decision again (idempotent) rather than a conflicting one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "decision")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Answer.Approve.class, name = "approve"),
  @JsonSubTypes.Type(value = Answer.Deny.class, name = "deny"),
  @JsonSubTypes.Type(value = Answer.Edit.class, name = "edit"),
  @JsonSubTypes.Type(value = Answer.Reply.class, name = "answer"),
  @JsonSubTypes.Type(value = Answer.TakeOver.class, name = "take-over"),
  @JsonSubTypes.Type(value = Answer.Reassign.class, name = "reassign")
})
public sealed interface Answer {

  /** The verb as a person reads it: "approve", "take over". */
  String verb();

  /** The escalations this answer fits. */
  Set<EscalationKind> fits();

  /** True when it lets an action run: the approver role and four-eyes apply. */
  default boolean grants() {
    return false;
  }

  /** Rejects an incomplete answer, or one that changes nothing, with a 400. */
  void check(InboxItem item);

  ResolutionEvent resolve(InboxItem item, String actor, ResolutionAudit audit, Instant at);

  /** True when {@code decided} is this same decision, so answering again changes nothing. */
  boolean sameAs(ResolutionEvent decided);

  record Approve(String comment) implements Answer {
    @Override
    public String verb() {
      return "approve";
    }

    @Override
    public Set<EscalationKind> fits() {
      return Set.of(EscalationKind.ApprovalRequested);
    }

    @Override
    public boolean grants() {
      return true;
    }

    @Override
    public void check(InboxItem item) {}

    @Override
    public ResolutionEvent resolve(
        InboxItem item, String actor, ResolutionAudit audit, Instant at) {
      return new Approved(
          item.goalId(),
          UUID.randomUUID(),
          item.escalationEventId(),
          at,
          item.escalationId(),
          actor,
          blankToNull(comment),
          audit);
    }

    @Override
    public boolean sameAs(ResolutionEvent decided) {
      return decided instanceof Approved;
    }
  }

  record Deny(String reason) implements Answer {
    @Override
    public String verb() {
      return "deny";
    }

    @Override
    public Set<EscalationKind> fits() {
      return Set.of(EscalationKind.ApprovalRequested);
    }

    @Override
    public void check(InboxItem item) {
      required(reason, "a denial needs a non-blank 'reason'");
    }

    @Override
    public ResolutionEvent resolve(
        InboxItem item, String actor, ResolutionAudit audit, Instant at) {
      return new Denied(
          item.goalId(),
          UUID.randomUUID(),
          item.escalationEventId(),
          at,
          item.escalationId(),
          actor,
          reason.strip(),
          audit);
    }

    @Override
    public boolean sameAs(ResolutionEvent decided) {
      return decided instanceof Denied;
    }
  }

  /** Approve with changed arguments; the guardrail checks the edited action again. */
  record Edit(JsonNode arguments) implements Answer {
    @Override
    public String verb() {
      return "edit and approve";
    }

    @Override
    public Set<EscalationKind> fits() {
      return Set.of(EscalationKind.ApprovalRequested);
    }

    @Override
    public boolean grants() {
      return true;
    }

    @Override
    public void check(InboxItem item) {
      if (arguments == null || !arguments.isObject()) {
        throw new InboxProblem.InvalidAnswer("edited 'arguments' must be a JSON object");
      }
      if (item.action() != null && arguments.equals(item.action().arguments())) {
        throw new InboxProblem.InvalidAnswer(
            "the edited arguments are the proposed ones; approve instead");
      }
    }

    @Override
    public ResolutionEvent resolve(
        InboxItem item, String actor, ResolutionAudit audit, Instant at) {
      return new Edited(
          item.goalId(),
          UUID.randomUUID(),
          item.escalationEventId(),
          at,
          item.escalationId(),
          actor,
          arguments,
          audit);
    }

    @Override
    public boolean sameAs(ResolutionEvent decided) {
      return decided instanceof Edited edited && edited.arguments().equals(arguments);
    }
  }

  /** The answer to an agent's question. */
  record Reply(String answer) implements Answer {
    @Override
    public String verb() {
      return "answer";
    }

    @Override
    public Set<EscalationKind> fits() {
      return Set.of(EscalationKind.QuestionAsked);
    }

    @Override
    public void check(InboxItem item) {
      required(answer, "an answer needs a non-blank 'answer'");
    }

    @Override
    public ResolutionEvent resolve(
        InboxItem item, String actor, ResolutionAudit audit, Instant at) {
      return new Answered(
          item.goalId(),
          UUID.randomUUID(),
          item.escalationEventId(),
          at,
          item.escalationId(),
          actor,
          answer.strip(),
          audit);
    }

    @Override
    public boolean sameAs(ResolutionEvent decided) {
      return decided instanceof Answered answered
          && answer != null
          && answered.answer().equals(answer.strip());
    }
  }

  /** The person did the work the agent handed over, and says how it went. */
  record TakeOver(String result) implements Answer {
    @Override
    public String verb() {
      return "take over";
    }

    @Override
    public Set<EscalationKind> fits() {
      return Set.of(EscalationKind.HandoffRequested);
    }

    @Override
    public void check(InboxItem item) {
      required(result, "taking over needs the 'result' of what you did");
    }

    @Override
    public ResolutionEvent resolve(
        InboxItem item, String actor, ResolutionAudit audit, Instant at) {
      return new TakenOver(
          item.goalId(),
          UUID.randomUUID(),
          item.escalationEventId(),
          at,
          item.escalationId(),
          actor,
          result.strip(),
          audit);
    }

    @Override
    public boolean sameAs(ResolutionEvent decided) {
      return decided instanceof TakenOver;
    }
  }

  /**
   * Send the item to another human queue (it stays open there) or hand the goal to an agent.
   *
   * @param to {@code human:<queue>} or {@code agent:<name>}; an approval moves between queues only
   */
  record Reassign(String to) implements Answer {
    @Override
    public String verb() {
      return "reassign";
    }

    @Override
    public Set<EscalationKind> fits() {
      return Set.of(
          EscalationKind.ApprovalRequested,
          EscalationKind.QuestionAsked,
          EscalationKind.HandoffRequested);
    }

    @Override
    public void check(InboxItem item) {
      required(to, "reassigning needs 'to': human:<queue> or agent:<name>");
      String owner = to.strip();
      if (!Owners.isHuman(owner) && !Owners.isAgent(owner)) {
        throw new InboxProblem.InvalidAnswer(
            "'to' must be human:<queue> or agent:<name>, not '" + owner + "'");
      }
      if (Owners.isAgent(owner) && item.kind() == EscalationKind.ApprovalRequested) {
        throw new InboxProblem.InvalidAnswer(
            "an approval is for a person: reassign it to another human:<queue>");
      }
      if (owner.equals(item.queue())) {
        throw new InboxProblem.InvalidAnswer("the item is in " + owner + " already");
      }
    }

    @Override
    public ResolutionEvent resolve(
        InboxItem item, String actor, ResolutionAudit audit, Instant at) {
      return new Reassigned(
          item.goalId(),
          UUID.randomUUID(),
          item.escalationEventId(),
          at,
          item.escalationId(),
          actor,
          to.strip(),
          audit);
    }

    @Override
    public boolean sameAs(ResolutionEvent decided) {
      return decided instanceof Reassigned reassigned
          && to != null
          && reassigned.newOwner().equals(to.strip());
    }
  }

  private static void required(String text, String problem) {
    if (text == null || text.isBlank()) {
      throw new InboxProblem.InvalidAnswer(problem);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
