package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.OutcomeEvent;
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
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.GoalProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardrail's per-goal logic: a verdict for every proposed action (allowed ones signed and
 * requested), escalations for approvals, handoffs and questions, and a person's resolution of an
 * approval turned into a signed request or a denial.
 */
public final class Guardrail implements GoalProcessor<GuardrailState> {
  static final String APPROVED_BY_HUMAN = "approved-by-human";
  static final String EDITED_BY_HUMAN = "edited-by-human";
  static final String HUMAN_APPROVAL = "human-approval";

  private static final Logger log = LoggerFactory.getLogger(Guardrail.class);

  private final GuardrailPolicy policy;
  private final ActionSigner signer;
  private final Clock clock;
  private final Duration requestTtl;

  public Guardrail(GuardrailPolicy policy, ActionSigner signer, Clock clock, Duration requestTtl) {
    this.policy = policy;
    this.signer = signer;
    this.clock = clock;
    this.requestTtl = requestTtl;
  }

  public Guardrail(GuardrailPolicy policy, ActionSigner signer, Clock clock) {
    this(policy, signer, clock, GuardrailProperties.DEFAULT_ACTION_REQUEST_TTL);
  }

  @Override
  public Service service() {
    return Service.GUARDRAIL;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.PLAN, Topics.RESOLUTION);
  }

  @Override
  public Class<GuardrailState> stateType() {
    return GuardrailState.class;
  }

  @Override
  public Decision<GuardrailState> decide(GuardrailState state, SwitchboardEvent event) {
    return switch (event) {
      case PlanEvent plan -> onPlan(state == null ? GuardrailState.empty() : state, plan);
      case ResolutionEvent resolution -> onResolution(state, resolution);
      case GoalEvent other -> notAnInput(other);
      case VerdictEvent other -> notAnInput(other);
      case ActionRequestEvent other -> notAnInput(other);
      case ActionResultEvent other -> notAnInput(other);
      case EscalationEvent other -> notAnInput(other);
      case OutcomeEvent other -> notAnInput(other);
    };
  }

  private Decision<GuardrailState> onPlan(GuardrailState state, PlanEvent plan) {
    return switch (plan) {
      case StepsProposed steps -> judge(state, steps);
      case HandoffProposed handoff ->
          Decision.of(
              state,
              new HandoffRequested(
                  handoff.goalId(),
                  UUID.randomUUID(),
                  handoff.eventId(),
                  clock.instant(),
                  handoff.eventId() + "/handoff",
                  handoff.target(),
                  handoff.agent(),
                  handoff.target(),
                  handoff.reason(),
                  handoff.summary(),
                  handoff.context()));
      case QuestionProposed question ->
          Decision.of(
              state,
              new QuestionAsked(
                  question.goalId(),
                  UUID.randomUUID(),
                  question.eventId(),
                  clock.instant(),
                  question.eventId() + "/question",
                  question.queue(),
                  question.agent(),
                  question.question()));
      case GoalFinishing finishing -> Decision.of(state);
    };
  }

  private Decision<GuardrailState> judge(GuardrailState state, StepsProposed steps) {
    GuardrailState next = state;
    List<SwitchboardEvent> emit = new ArrayList<>();
    for (PlannedAction action : steps.actions()) {
      if (next.hasDecided(action.actionId())) {
        log.debug("goal {}: {} was judged already", steps.goalId(), action.actionId());
        continue;
      }
      GuardrailDecision decision = policy.evaluate(action);
      log.info(
          "goal {}: {} ({}) -> {} by policy '{}'",
          steps.goalId(),
          action.actionId(),
          action.tool(),
          decision.getClass().getSimpleName(),
          decision.policy());
      switch (decision) {
        case GuardrailDecision.Allow allow -> {
          emit.add(allowed(steps, action.actionId(), allow.policy()));
          emit.add(request(steps, action, null));
          next = next.decided(action.actionId());
        }
        case GuardrailDecision.Deny deny -> {
          emit.add(denied(steps, action.actionId(), deny.policy(), deny.reason()));
          next = next.decided(action.actionId());
        }
        case GuardrailDecision.Escalate escalate -> {
          String escalationId = approvalIdFor(action.actionId());
          emit.add(
              new ActionEscalated(
                  steps.goalId(),
                  UUID.randomUUID(),
                  steps.eventId(),
                  clock.instant(),
                  action.actionId(),
                  escalate.policy(),
                  escalationId,
                  escalate.reason()));
          emit.add(
              new ApprovalRequested(
                  steps.goalId(),
                  UUID.randomUUID(),
                  steps.eventId(),
                  clock.instant(),
                  escalationId,
                  escalate.queue(),
                  steps.agent(),
                  action,
                  escalate.policy(),
                  escalate.reason()));
          next = next.awaitingApproval(escalationId, new PendingApproval(steps.agent(), action));
        }
      }
    }
    return Decision.of(next, emit);
  }

  private Decision<GuardrailState> onResolution(GuardrailState state, ResolutionEvent resolution) {
    PendingApproval pending = state == null ? null : state.pending().get(resolution.escalationId());
    if (pending == null) {
      log.info(
          "goal {}: {} for escalation {} ignored: no approval is pending under that id",
          resolution.goalId(),
          resolution.getClass().getSimpleName(),
          resolution.escalationId());
      return Decision.of(state);
    }
    return switch (resolution) {
      case Approved approved ->
          approver(state, approved)
              ? grant(state, approved, pending.action(), APPROVED_BY_HUMAN)
              : Decision.of(state);
      case Edited edited ->
          approver(state, edited) ? reviewEdit(state, edited, pending) : Decision.of(state);
      // Stopping an action needs no authority, so any authenticated person may deny.
      case Denied denied ->
          refuse(state, denied, "denied by " + denied.actor() + ": " + denied.reason());
      case Expired expired -> refuse(state, expired, "approval expired");
      case Answered answered -> notForApprovals(state, answered);
      case TakenOver takenOver -> notForApprovals(state, takenOver);
      case Reassigned reassigned -> notForApprovals(state, reassigned);
    };
  }

  private boolean approver(GuardrailState state, ResolutionEvent resolution) {
    if (policy.mayApprove(resolution.actor())) {
      return true;
    }
    log.warn(
        "goal {}: '{}' may not approve escalation {}; it stays pending",
        resolution.goalId(),
        resolution.actor(),
        resolution.escalationId());
    return false;
  }

  /** An edit keeps the tool and replaces the arguments, and must still pass the tool policy. */
  private Decision<GuardrailState> reviewEdit(
      GuardrailState state, Edited edited, PendingApproval pending) {
    PlannedAction original = pending.action();
    if (!edited.arguments().isObject()) {
      return refuse(state, edited, "edited arguments must be a JSON object");
    }
    PlannedAction changed =
        new PlannedAction(
            original.actionId(),
            original.tool(),
            edited.arguments(),
            original.dependsOn(),
            original.sideEffect(),
            original.rationale());
    return switch (policy.evaluate(changed)) {
      case GuardrailDecision.Deny deny -> refuse(state, edited, deny.reason());
      case GuardrailDecision.Allow allow -> grant(state, edited, changed, EDITED_BY_HUMAN);
      case GuardrailDecision.Escalate escalate -> grant(state, edited, changed, EDITED_BY_HUMAN);
    };
  }

  private Decision<GuardrailState> grant(
      GuardrailState state, ResolutionEvent resolution, PlannedAction action, String policyName) {
    log.info(
        "goal {}: {} approved by '{}'", resolution.goalId(), action.actionId(), resolution.actor());
    return Decision.of(
        state.resolved(resolution.escalationId()),
        allowed(resolution, action.actionId(), policyName),
        request(resolution, action, resolution.actor()));
  }

  private Decision<GuardrailState> refuse(
      GuardrailState state, ResolutionEvent resolution, String reason) {
    PendingApproval pending = state.pending().get(resolution.escalationId());
    log.info("goal {}: {} refused: {}", resolution.goalId(), pending.action().actionId(), reason);
    return Decision.of(
        state.resolved(resolution.escalationId()),
        denied(resolution, pending.action().actionId(), HUMAN_APPROVAL, reason));
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

  private ActionAllowed allowed(SwitchboardEvent cause, String actionId, String policyName) {
    return new ActionAllowed(
        cause.goalId(), UUID.randomUUID(), cause.eventId(), clock.instant(), actionId, policyName);
  }

  private ActionDenied denied(
      SwitchboardEvent cause, String actionId, String policyName, String reason) {
    return new ActionDenied(
        cause.goalId(),
        UUID.randomUUID(),
        cause.eventId(),
        clock.instant(),
        actionId,
        policyName,
        reason);
  }

  /** Signed, with its expiry: the executor runs nothing for it after {@code requestTtl}. */
  private ActionRequested request(SwitchboardEvent cause, PlannedAction action, String approvedBy) {
    Instant now = clock.instant();
    return signer.sign(
        new ActionRequested(
            cause.goalId(),
            UUID.randomUUID(),
            cause.eventId(),
            now,
            action,
            approvedBy,
            now.plus(requestTtl),
            null,
            null));
  }

  private static Decision<GuardrailState> notAnInput(SwitchboardEvent event) {
    throw new IllegalArgumentException(
        "the guardrail does not read " + event.getClass().getSimpleName());
  }

  /**
   * The inbox id of an action's approval: stable across replays, and safe in a URL path (action ids
   * contain the goal id, which may hold any character).
   */
  static String approvalIdFor(String actionId) {
    return UUID.nameUUIDFromBytes(("approval:" + actionId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
