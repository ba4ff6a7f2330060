package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventRefusal;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.ToolFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's answer to a pending approval: approved (by someone who may) runs the stored action
 * unchanged, an edit is checked again and runs as edited, a denial or expiry refuses it. Anything
 * else leaves it pending.
 */
final class ApprovalWorkflow {
  static final String APPROVED_BY_HUMAN = "approved-by-human";
  static final String EDITED_BY_HUMAN = "edited-by-human";
  static final String HUMAN_APPROVAL = "human-approval";

  private static final Logger log = LoggerFactory.getLogger(ApprovalWorkflow.class);

  private final ActionJudge judge;
  private final GuardrailEvents events;
  private final Approvers approvers;
  private final TaintRules taint;

  ApprovalWorkflow(
      ActionJudge judge, GuardrailEvents events, Approvers approvers, TaintRules taint) {
    this.judge = judge;
    this.events = events;
    this.approvers = approvers;
    this.taint = taint;
  }

  Decision<GuardrailState> onResolution(GuardrailState state, ResolutionEvent resolution) {
    PendingApproval pending = state == null ? null : state.pending().get(resolution.escalationId());
    if (pending == null && grants(resolution)) {
      throw new EventRefusal(
          resolution.getClass().getSimpleName()
              + " for escalation "
              + resolution.escalationId()
              + ": the guardrail has no approval pending under that id (never issued, resolved"
              + " already, or its goal ended)");
    }
    if (pending == null) {
      log.info(
          "goal {}: {} for escalation {} ignored: no approval is pending under that id",
          resolution.goalId(),
          resolution.getClass().getSimpleName(),
          resolution.escalationId());
      return Decision.of(state);
    }
    return switch (resolution) {
      case Approved approved -> {
        String refusal = refusal(state, approved, pending);
        yield refusal == null
            ? grant(
                state, approved, pending, pending.action(), humanAudit(state, pending, approved))
            : reopen(state, approved, pending, refusal);
      }
      case Edited edited -> {
        String refusal = refusal(state, edited, pending);
        yield refusal == null
            ? reviewEdit(state, edited, pending)
            : reopen(state, edited, pending, refusal);
      }
      // Stopping an action needs no authority, so any authenticated person may deny.
      case Denied denied ->
          refuse(state, denied, pending, "denied by " + denied.actor() + ": " + denied.reason());
      case Expired expired -> refuse(state, expired, pending, "approval expired");
      case Answered answered -> notForApprovals(state, answered);
      case TakenOver takenOver -> notForApprovals(state, takenOver);
      case Reassigned reassigned -> notForApprovals(state, reassigned);
      // A reminder answers nothing; the approval waits on.
      case ResolutionEvent.DeadlineNear reminder -> Decision.of(state);
    };
  }

  /**
   * An answer that would run an action counts only for an approval this guardrail issued and still
   * waits on; anything else is dead-lettered. Denials, expiries and answers meant for questions or
   * handoffs stop or run nothing here, so they are only logged.
   */
  static boolean grants(ResolutionEvent resolution) {
    return resolution instanceof Approved || resolution instanceof Edited;
  }

  /** Null when the actor may approve; else why not. */
  private String refusal(
      GuardrailState state, ResolutionEvent resolution, PendingApproval pending) {
    String refusal = approvers.refusal(resolution.actor(), pending, state.goal());
    if (refusal != null) {
      log.warn(
          "goal {}: escalation {} stays pending: {}",
          resolution.goalId(),
          resolution.escalationId(),
          refusal);
    }
    return refusal;
  }

  /** The approval stays pending, and the inbox learns why the answer did not count. */
  private Decision<GuardrailState> reopen(
      GuardrailState state, ResolutionEvent answer, PendingApproval pending, String refusal) {
    String queue =
        pending.queue() == null ? GuardrailProperties.defaults().approvalQueue() : pending.queue();
    return Decision.of(state, events.refused(answer, queue, refusal));
  }

  /**
   * An edit keeps the tool and replaces the arguments, and must pass the schema and policy again.
   */
  private Decision<GuardrailState> reviewEdit(
      GuardrailState state, Edited edited, PendingApproval pending) {
    PlannedAction original = pending.action();
    if (!edited.arguments().isObject()) {
      return refuse(state, edited, pending, "edited arguments must be a JSON object");
    }
    PlannedAction changed =
        new PlannedAction(
            original.actionId(),
            original.tool(),
            edited.arguments(),
            original.dependsOn(),
            original.sideEffect(),
            original.rationale());
    ActionJudge.Judgement judgement =
        judge.judgeEdit(state, edited.goalId(), pending.agent(), changed);
    return switch (judgement.decision()) {
      case PolicyDecision.Deny deny -> {
        log.info(
            "goal {}: edit of {} refused: {}", edited.goalId(), original.actionId(), deny.reason());
        yield Decision.of(
            state.resolved(edited.escalationId()),
            events.denied(edited, original.actionId(), judgement.audit(edited.actor())));
      }
      case PolicyDecision.Allow allow -> grantEdit(state, edited, pending, changed, judgement);
      case PolicyDecision.Escalate escalate ->
          grantEdit(state, edited, pending, changed, judgement);
    };
  }

  private Decision<GuardrailState> grantEdit(
      GuardrailState state,
      Edited edited,
      PendingApproval pending,
      PlannedAction changed,
      ActionJudge.Judgement judgement) {
    return grant(
        state,
        edited,
        pending,
        changed,
        judgement.audit(
            EDITED_BY_HUMAN, "edited and approved by " + edited.actor(), edited.actor()));
  }

  private Decision<GuardrailState> grant(
      GuardrailState state,
      ResolutionEvent resolution,
      PendingApproval pending,
      PlannedAction action,
      Audit audit) {
    log.info(
        "goal {}: {} approved by '{}'", resolution.goalId(), action.actionId(), resolution.actor());
    ToolFacts tool = judge.tool(action.tool()).orElseGet(() -> ToolFacts.unknown(action.tool()));
    GuardrailState next =
        taint.after(state.resolved(resolution.escalationId()).allowed(action.actionId()), tool);
    return Decision.of(
        next,
        events.allowed(resolution, action.actionId(), audit),
        events.request(resolution, action, resolution.actor()));
  }

  private Decision<GuardrailState> refuse(
      GuardrailState state, ResolutionEvent resolution, PendingApproval pending, String reason) {
    log.info("goal {}: {} refused: {}", resolution.goalId(), pending.action().actionId(), reason);
    Audit audit = audit(state, pending, HUMAN_APPROVAL, reason, null);
    return Decision.of(
        state.resolved(resolution.escalationId()),
        events.denied(resolution, pending.action().actionId(), audit));
  }

  private Decision<GuardrailState> notForApprovals(
      GuardrailState state, ResolutionEvent resolution) {
    log.warn(
        "goal {}: {} does not resolve approval {}; it stays pending",
        resolution.goalId(),
        resolution.getClass().getSimpleName(),
        resolution.escalationId());
    return Decision.of(state);
  }

  private static Audit humanAudit(
      GuardrailState state, PendingApproval pending, Approved approved) {
    return audit(
        state, pending, APPROVED_BY_HUMAN, "approved by " + approved.actor(), approved.actor());
  }

  /** A person decided: the audit names the policy and inputs that escalated, and the person. */
  private static Audit audit(
      GuardrailState state,
      PendingApproval pending,
      String rule,
      String reason,
      String approvedBy) {
    GoalContext goal = state.goal();
    return new Audit(
        pending.policyId(),
        pending.policyVersion(),
        rule,
        reason,
        pending.inputsHash(),
        approvedBy,
        null,
        pending.action().tool(),
        pending.agent(),
        goal == null || goal.tenant() == null || goal.tenant().isEmpty() ? null : goal.tenant());
  }
}
