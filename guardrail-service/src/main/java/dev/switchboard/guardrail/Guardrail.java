package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.GoalFinishing;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.GoalProcessor;
import dev.switchboard.policy.AgentCatalog;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.ToolCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardrail's per-goal logic, as a router: proposals to {@link StepJudging} and {@link
 * HandoffRelay}, people's answers to {@link ApprovalWorkflow}, goal metadata and results to {@link
 * ContextTracker}. A proposal that arrives before its goal's GoalSubmitted waits in the goal's
 * state and is judged when the goal arrives, so no decision is made without the goal's metadata.
 */
public final class Guardrail implements GoalProcessor<GuardrailState> {
  private static final Logger log = LoggerFactory.getLogger(Guardrail.class);

  private final StepJudging steps;
  private final HandoffRelay handoffs;
  private final ApprovalWorkflow approvals;
  private final ContextTracker context;

  Guardrail(
      StepJudging steps,
      HandoffRelay handoffs,
      ApprovalWorkflow approvals,
      ContextTracker context) {
    this.steps = steps;
    this.handoffs = handoffs;
    this.approvals = approvals;
    this.context = context;
  }

  /** The guardrail with its parts wired from plain inputs. */
  static Guardrail create(
      Supplier<PolicySet> policy,
      ToolCatalog tools,
      AgentCatalog agents,
      GuardrailProperties properties,
      RateUsage rateUsage,
      ActionSigner signer,
      Clock clock) {
    GuardrailEvents events = new GuardrailEvents(signer, clock, properties.actionRequestTtl());
    TaintRules taint = new TaintRules(properties.taint());
    ActionJudge judge =
        new ActionJudge(
            policy,
            tools,
            agents,
            new ArgumentSchemas(),
            new RateLimiter(properties.rateLimits(), rateUsage),
            clock);
    return new Guardrail(
        new StepJudging(judge, events, taint, properties.approvalQueue()),
        new HandoffRelay(judge, events, properties.approvalQueue()),
        new ApprovalWorkflow(
            judge,
            events,
            new Approvers(properties.approvers(), properties.approverRoles()),
            taint),
        new ContextTracker(tools, taint));
  }

  @Override
  public Service service() {
    return Service.GUARDRAIL;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(
        Topics.PLAN, Topics.RESOLUTION, Topics.GOALS, Topics.ACTION_RESULT, Topics.OUTCOME);
  }

  @Override
  public Class<GuardrailState> stateType() {
    return GuardrailState.class;
  }

  /** As {@link #decide(GuardrailState, SwitchboardEvent)}, its audits naming the goal's trace. */
  @Override
  public Decision<GuardrailState> decide(
      GuardrailState state, SwitchboardEvent event, EventContext eventContext) {
    return VerdictSpans.note(TraceStamp.stamp(decide(state, event), eventContext.traceId()));
  }

  @Override
  public Decision<GuardrailState> decide(GuardrailState state, SwitchboardEvent event) {
    return switch (event) {
      case PlanEvent plan -> onPlan(GuardrailState.orEmpty(state), plan);
      case ResolutionEvent resolution -> approvals.onResolution(state, resolution);
      case GoalEvent goal -> onGoal(state, goal);
      case ActionResultEvent result -> context.onResult(state, result);
      case VerdictEvent other -> notAnInput(other);
      case ActionRequestEvent other -> notAnInput(other);
      case EscalationEvent other -> notAnInput(other);
      case OutcomeEvent outcome -> ended(state, outcome);
    };
  }

  /**
   * The planner ended the goal: nothing more is proposed for it, so its state leaves the store
   * after the edge's retention ({@code switchboard.retention.ended-goals}); the tombstone after it
   * skips a re-sent proposal. Its open approvals close: the planner dropped the actions waiting for
   * a person (a cancelled goal, one out of time), so an approval read after the outcome is refused
   * rather than running an action of a goal that is over.
   */
  private static Decision<GuardrailState> ended(GuardrailState state, OutcomeEvent outcome) {
    if (state != null && !state.pending().isEmpty()) {
      log.info(
          "goal {} ended ({}) with approvals open; they close unanswered: {}",
          outcome.goalId(),
          EventCodec.typeName(outcome),
          state.pending().keySet());
    }
    return Decision.of(state == null ? null : state.ended()).goalEnded();
  }

  private Decision<GuardrailState> onPlan(GuardrailState state, PlanEvent plan) {
    return switch (plan) {
      case StepsProposed proposed ->
          state.goal() == null ? park(state, proposed) : steps.judge(state, proposed);
      case HandoffProposed handoff ->
          state.goal() == null ? park(state, handoff) : handoffs.onHandoff(state, handoff);
      case QuestionProposed question -> handoffs.onQuestion(state, question);
      case GoalFinishing finishing -> Decision.of(state);
    };
  }

  private Decision<GuardrailState> onGoal(GuardrailState state, GoalEvent goal) {
    return switch (goal) {
      case GoalSubmitted submitted -> {
        GuardrailState known = context.onSubmitted(state, submitted);
        yield known.parked().isEmpty() ? Decision.of(known) : judgeParked(known);
      }
      // The planner stops proposing for a cancelled goal; nothing is pending here to stop.
      case GoalCancelled cancelled -> Decision.of(state);
    };
  }

  private static Decision<GuardrailState> park(GuardrailState state, PlanEvent proposal) {
    log.info(
        "goal {}: {} waits for the goal's GoalSubmitted before it is judged",
        proposal.goalId(),
        proposal.getClass().getSimpleName());
    return Decision.of(state.parking(proposal));
  }

  private Decision<GuardrailState> judgeParked(GuardrailState state) {
    GuardrailState next = state.unparked();
    List<SwitchboardEvent> emit = new ArrayList<>();
    for (PlanEvent proposal : state.parked()) {
      Decision<GuardrailState> decision = onPlan(next, proposal);
      next = decision.state();
      emit.addAll(decision.emit());
    }
    return Decision.of(next, emit);
  }

  private static Decision<GuardrailState> notAnInput(SwitchboardEvent event) {
    throw new IllegalArgumentException(
        "the guardrail does not read " + event.getClass().getSimpleName());
  }

  /**
   * The inbox id of an action's approval: stable across replays, safe in a URL path, and naming its
   * goal so the inbox finds it without a scan.
   */
  static String approvalIdFor(String goalId, String actionId) {
    return EscalationIds.of(goalId, "approval", actionId);
  }
}
