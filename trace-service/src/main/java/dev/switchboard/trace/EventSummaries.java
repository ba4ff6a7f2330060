package dev.switchboard.trace;

import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.GoalFinishing;
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
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import java.util.List;

/**
 * One short line per event for the journal. Action arguments, tool outputs, signatures, questions,
 * answers and comments never appear: they may hold customer data or secrets.
 */
final class EventSummaries {
  static final int MAX_SUMMARY_LENGTH = 200;
  private static final int MAX_LISTED_TOOLS = 5;

  private EventSummaries() {}

  static String of(SwitchboardEvent event, KnownNames names) {
    String line =
        switch (event) {
          case GoalEvent goal -> goal(goal);
          case PlanEvent plan -> plan(plan);
          case VerdictEvent verdict -> verdict(verdict, names);
          case ActionRequestEvent request -> request(request);
          case ActionResultEvent result -> result(result);
          case EscalationEvent escalation -> escalation(escalation);
          case ResolutionEvent resolution -> resolution(resolution);
          case OutcomeEvent outcome -> outcome(outcome);
        };
    return oneLine(line, MAX_SUMMARY_LENGTH);
  }

  private static String goal(GoalEvent event) {
    return switch (event) {
      case GoalSubmitted submitted ->
          submitted.agent() == null
              ? "goal submitted for the default agent"
              : "goal submitted for agent " + submitted.agent();
      case GoalEvent.GoalCancelled cancelled ->
          "cancellation requested"
              + (cancelled.requestedBy() == null ? "" : " by " + cancelled.requestedBy())
              + because(cancelled.reason());
    };
  }

  private static String plan(PlanEvent event) {
    return switch (event) {
      case StepsProposed steps -> "propose " + tools(steps.actions());
      case HandoffProposed handoff ->
          "propose handoff to " + handoff.target() + because(handoff.reason());
      case QuestionProposed question -> "propose a question for " + question.queue();
      case GoalFinishing finishing -> "finishing" + because(finishing.summary());
    };
  }

  private static String verdict(VerdictEvent event, KnownNames names) {
    String tool = names.toolOf(event.actionId());
    return switch (event) {
      case ActionAllowed allowed -> "allowed " + tool + policy(allowed.policy(), allowed.audit());
      case ActionDenied denied ->
          "denied " + tool + policy(denied.policy(), denied.audit()) + because(denied.reason());
      case ActionEscalated escalated -> {
        // The queue comes with the escalation event, which may arrive before or after this one.
        String queue = names.queueOf(escalated.escalationId());
        yield queue == null
            ? "escalated "
                + tool
                + policy(escalated.policy(), escalated.audit())
                + because(escalated.reason())
            : "escalated " + tool + " to " + queue + because(escalated.reason());
      }
    };
  }

  private static String request(ActionRequestEvent event) {
    return switch (event) {
      case ActionRequested requested ->
          "requested "
              + requested.action().tool()
              + (requested.approvedBy() == null
                  ? ""
                  : " (approved by " + requested.approvedBy() + ")");
    };
  }

  private static String result(ActionResultEvent event) {
    return switch (event) {
      case ActionSucceeded succeeded -> succeeded.tool() + " succeeded";
      case ActionFailed failed -> failed.tool() + " failed" + because(failed.error());
      case ActionOutcomeUnknown unknown ->
          unknown.tool() + " outcome unknown" + because(unknown.reason());
    };
  }

  private static String escalation(EscalationEvent event) {
    return switch (event) {
      case ApprovalRequested approval ->
          "approval requested for " + approval.action().tool() + " from " + approval.queue();
      case HandoffRequested handoff ->
          "handoff to "
              + handoff.target()
              + " requested from "
              + handoff.queue()
              + because(handoff.reason());
      case QuestionAsked question -> "question asked in " + question.queue();
      case ResolutionRefused refused ->
          refused.resolution()
              + " by "
              + refused.actor()
              + " refused, waiting again"
              + because(refused.reason());
    };
  }

  private static String resolution(ResolutionEvent event) {
    return switch (event) {
      case Approved approved -> "approved by " + approved.actor();
      case Denied denied -> "denied by " + denied.actor() + because(denied.reason());
      case Edited edited -> "edited and approved by " + edited.actor();
      case Answered answered -> "answered by " + answered.actor();
      case TakenOver takenOver -> "taken over by " + takenOver.actor();
      case Reassigned reassigned ->
          "reassigned to " + reassigned.newOwner() + " by " + reassigned.actor();
      case Expired expired -> "expired" + because(expired.reason());
    };
  }

  private static String outcome(OutcomeEvent event) {
    return switch (event) {
      case GoalCompleted completed -> "completed: " + completed.summary();
      case GoalFailed failed ->
          "failed: "
              + failed.summary()
              + (failed.summary().contains(failed.reason()) ? "" : " (" + failed.reason() + ")");
      case OutcomeEvent.GoalCancelled cancelled -> "cancelled: " + cancelled.summary();
    };
  }

  private static String tools(List<PlannedAction> actions) {
    List<String> tools = actions.stream().map(PlannedAction::tool).toList();
    if (tools.size() <= MAX_LISTED_TOOLS) {
      return String.join(", ", tools);
    }
    return String.join(", ", tools.subList(0, MAX_LISTED_TOOLS))
        + " and "
        + (tools.size() - MAX_LISTED_TOOLS)
        + " more";
  }

  /** The deciding rule, and from the audit record the policy document and its version. */
  private static String policy(String policy, Audit audit) {
    if (policy == null || policy.isBlank()) {
      return "";
    }
    if (audit == null || audit.policyId() == null) {
      return " (" + policy + ")";
    }
    String version = audit.policyVersion() == null ? "" : " " + audit.policyVersion();
    return " (" + policy + " of " + audit.policyId() + version + ")";
  }

  private static String because(String reason) {
    return reason == null || reason.isBlank() ? "" : ": " + reason;
  }

  /** Whitespace and control characters collapse to single spaces; long text ends in "…". */
  static String oneLine(String text, int maxLength) {
    return text == null
        ? null
        : shortened(text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip(), maxLength);
  }

  /** At most {@code maxLength} characters, the last one "…" when cut; never splits a pair. */
  static String shortened(String text, int maxLength) {
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    int end = maxLength - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
