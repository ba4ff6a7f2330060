package dev.switchboard.planner;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.EventRefusal;
import dev.switchboard.edge.GoalProcessor;
import dev.switchboard.edge.TraceConventions;
import dev.switchboard.planner.llm.ChatEffectHandler;
import dev.switchboard.planner.llm.ModelPrices;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.LoadedSpec;
import dev.switchboard.planner.spec.PlannerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The planner's per-goal state machine, a thin router: it folds each event into the goal's state
 * and lets the agent's planner decide what comes next. Once ended, a goal takes no further events.
 */
public final class GoalPlanner implements GoalProcessor<PlannerState> {
  private static final Logger log = LoggerFactory.getLogger(GoalPlanner.class);

  private final AgentLibrary agents;
  private final String defaultAgent;
  private final Clock clock;
  private final Observations observations;
  private final NextMove next;
  private final Answers answers;
  private final ModelReplies replies;
  private final WallTimeTimer wallTime = new WallTimeTimer(this::wallTimeDeadline);

  /**
   * @param planners the planner of each kind that is available
   * @param fallbackQueue where goals go whose agent's spec is not available here
   */
  public GoalPlanner(
      AgentLibrary agents,
      Map<PlannerKind, Planner> planners,
      String defaultAgent,
      String fallbackQueue,
      Clock clock) {
    this(
        agents,
        planners,
        defaultAgent,
        fallbackQueue,
        clock,
        ModelCalls.NONE,
        new ModelPrices(Map.of()));
  }

  /**
   * @param modelCalls how the LLM planner's model calls leave the planner
   * @param prices what model tokens cost, counted against the agents' budgets
   */
  public GoalPlanner(
      AgentLibrary agents,
      Map<PlannerKind, Planner> planners,
      String defaultAgent,
      String fallbackQueue,
      Clock clock,
      ModelCalls modelCalls,
      ModelPrices prices) {
    this(
        agents,
        planners,
        defaultAgent,
        fallbackQueue,
        clock,
        modelCalls,
        prices,
        tool -> false,
        Duration.ZERO,
        Duration.ZERO);
  }

  /**
   * @param unknownTool a tool that is not there to call (not on the tools catalog yet): a goal
   *     whose agent would propose it waits for it, then fails with the reason
   * @param toolGrace how long such a goal waits; zero fails it at once
   * @param toolRecheck how often a waiting goal's durable timer looks again
   */
  public GoalPlanner(
      AgentLibrary agents,
      Map<PlannerKind, Planner> planners,
      String defaultAgent,
      String fallbackQueue,
      Clock clock,
      ModelCalls modelCalls,
      ModelPrices prices,
      Predicate<String> unknownTool,
      Duration toolGrace,
      Duration toolRecheck) {
    this.agents = agents;
    this.defaultAgent = defaultAgent;
    this.clock = clock;
    this.observations = new Observations(agents);
    this.next =
        new NextMove(
            agents,
            planners,
            new PlanEvents(clock),
            clock,
            fallbackQueue,
            modelCalls,
            unknownTool,
            new UnknownToolGrace(toolGrace, toolRecheck));
    this.answers = new Answers(agents, observations, next, clock);
    this.replies = new ModelReplies(prices);
  }

  @Override
  public Service service() {
    return Service.PLANNER;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.GOALS, Topics.VERDICT, Topics.ACTION_RESULT, Topics.RESOLUTION);
  }

  @Override
  public Class<PlannerState> stateType() {
    return PlannerState.class;
  }

  @Override
  public Decision<PlannerState> decide(PlannerState state, SwitchboardEvent event) {
    return decide(state, event, EventContext.none());
  }

  /** The agent's work goes into the goal's trace ({@link AgentSpans}). */
  @Override
  public Decision<PlannerState> decide(
      PlannerState state, SwitchboardEvent event, EventContext context) {
    Decision<PlannerState> decision =
        traced(state, UsageReports.attach(timersFollow(state, route(state, event))), context);
    return event instanceof ResolutionEvent answer
        ? decision.withSpanAttribute(TraceConventions.APPROVER, answer.actor())
        : decision;
  }

  private Decision<PlannerState> traced(
      PlannerState before, Decision<PlannerState> decision, EventContext context) {
    return endedWhenOver(AgentSpans.note(before, decision, context, clock.instant()));
  }

  /** The goal's durable timers (wall time, the wait for tools) set, moved or cancelled. */
  private Decision<PlannerState> timersFollow(
      PlannerState before, Decision<PlannerState> decision) {
    return ToolWaitTimer.follow(before, wallTime.follow(before, decision));
  }

  /**
   * An ended goal leaves the planner's store after the edge's retention. (Model usage is put on
   * events first, by {@link UsageReports}.)
   */
  private static Decision<PlannerState> endedWhenOver(Decision<PlannerState> decision) {
    return decision.state() != null && decision.state().status().ended()
        ? decision.goalEnded()
        : decision;
  }

  private Decision<PlannerState> route(PlannerState state, SwitchboardEvent event) {
    return switch (event) {
      case GoalSubmitted submitted -> state == null ? start(submitted) : resubmitted(state);
      case GoalCancelled cancelled ->
          whileActive(state, cancelled, goal -> cancel(goal, cancelled));
      case VerdictEvent verdict ->
          whileActive(
              state,
              verdict,
              goal ->
                  Observations.awaitsWordOn(goal, verdict.actionId())
                      ? verdict(goal, verdict)
                      : notPending(goal, verdict.actionId()));
      case ActionResultEvent result -> result(state, result);
      case ResolutionEvent resolution ->
          whileActive(state, resolution, goal -> answers.on(goal, resolution));
      case PlanEvent other -> notAnInput(other);
      case ActionRequestEvent other -> notAnInput(other);
      case EscalationEvent other -> notAnInput(other);
      case OutcomeEvent other -> notAnInput(other);
    };
  }

  /**
   * A durable timer of this goal is due: the wall-time budget's, or the wait for unlisted tools'.
   */
  @Override
  public Decision<PlannerState> onTimer(
      PlannerState state, String goalId, String timerId, Instant now) {
    if (timerId.equals(ToolWaitTimer.ID)) {
      return traced(
          state,
          UsageReports.attach(timersFollow(state, onToolRecheck(state))),
          EventContext.none());
    }
    if (!timerId.equals(WallTimeTimer.ID)) {
      log.warn("goal {}: ignoring timer '{}': the planner sets no such timer", goalId, timerId);
      return Decision.of(state);
    }
    return traced(
        state,
        UsageReports.attach(timersFollow(state, onWallTimeElapsed(state, now))),
        EventContext.none());
  }

  /**
   * The goal's wait for unlisted tools is due for a look: the agent proposes the steps once the
   * catalog lists their tools, waits on, or, past the grace, the goal fails naming agent and tool.
   */
  private Decision<PlannerState> onToolRecheck(PlannerState state) {
    return whileActive(
        state,
        null,
        goal ->
            goal.toolWait() == null
                ? Decision.of(goal)
                : next.after(
                    goal, ToolWaitTimer.causeOf(goal.goalId(), goal.toolWait().nextCheck())));
  }

  /**
   * The wall-time timer is due (set for {@link #wallTimeDeadline}): a goal whose agent ran out of
   * time goes to a person. The budget is also checked on every event of the goal.
   */
  public Decision<PlannerState> onWallTimeElapsed(PlannerState state, Instant now) {
    return whileActive(
        state,
        null,
        goal ->
            next.after(
                goal,
                wallTimeDeadline(goal)
                    .map(due -> WallTimeTimer.causeOf(goal.goalId(), due))
                    .orElse(null)));
  }

  /**
   * A model call's result (kafka-edge's durable {@code chat} effect): the reply is recorded once
   * for its turn, and the agent's planner reads it. A call that did not run or gave no answer is a
   * reply with its error, which the planner treats like an unusable reply. Events it causes derive
   * their ids from the result's, so a result delivered again writes nothing new.
   */
  @Override
  public Decision<PlannerState> onEffectResult(PlannerState state, EffectResult result) {
    if (!result.kind().equals(ChatEffectHandler.KIND)) {
      log.warn(
          "goal {}: ignoring the result of a '{}' effect: the planner asks only for '{}'",
          result.goalId(),
          result.kind(),
          ChatEffectHandler.KIND);
      return Decision.of(state);
    }
    JsonNode reply =
        switch (result) {
          case EffectResult.Succeeded succeeded -> succeeded.output();
          case EffectResult.Failed failed ->
              ModelReplies.failure("the model call did not run: " + failed.error());
          case EffectResult.OutcomeUnknown unknown ->
              ModelReplies.failure("the model call gave no answer: " + unknown.reason());
        };
    return traced(
        state,
        UsageReports.attach(
            timersFollow(state, onModelReply(state, result.effectId(), reply, result.eventId()))),
        EventContext.none());
  }

  /**
   * Records a model reply for its turn, once: its tokens and cost count against the agent's
   * budgets. A reply for a turn that has one is ignored.
   *
   * @param cause what delivered the reply (an effect result's id); null for none
   */
  public Decision<PlannerState> onModelReply(
      PlannerState state, String turnId, JsonNode reply, UUID cause) {
    return whileActive(
        state,
        null,
        goal ->
            replies
                .record(goal, turnId, reply)
                .map(answered -> next.after(answered, cause))
                .orElseGet(() -> Decision.of(goal)));
  }

  /** When the current agent's wall-time budget runs out; empty for an ended goal. */
  public Optional<Instant> wallTimeDeadline(PlannerState state) {
    return state == null || state.status().ended()
        ? Optional.empty()
        : next.wallTimeDeadline(state);
  }

  private Decision<PlannerState> start(GoalSubmitted submitted) {
    String agentName =
        submitted.agent() == null || submitted.agent().isBlank() ? defaultAgent : submitted.agent();
    PlannerState goal =
        PlannerState.started(
            submitted.goalId(),
            agentName,
            submitted.description(),
            submitted.inputs(),
            clock.instant());
    Optional<LoadedSpec> spec = agents.current(agentName);
    if (spec.isEmpty()) {
      return next.fail(
          goal,
          submitted.eventId(),
          "Unknown agent",
          "unknown agent '" + agentName + "'; known agents: " + String.join(", ", agents.names()));
    }
    log.info(
        "goal {} started with agent '{}' ({})", goal.goalId(), agentName, spec.get().contentHash());
    return next.after(
        goal.edit(
            draft -> {
              draft.specVersions.put(agentName, spec.get().contentHash());
              draft.note("goal submitted for agent " + agentName + ": " + submitted.description());
            }),
        submitted.eventId());
  }

  private Decision<PlannerState> resubmitted(PlannerState goal) {
    log.warn("goal {} was submitted again under a new eventId; ignored", goal.goalId());
    return Decision.of(goal);
  }

  /**
   * Nothing new is proposed; actions waiting for a person are dropped, those already under way
   * finish and their results are kept, then the goal ends as cancelled.
   */
  private Decision<PlannerState> cancel(PlannerState goal, GoalCancelled cancelled) {
    String by = cancelled.requestedBy() == null ? "" : " by " + cancelled.requestedBy();
    PlannerState cancelling =
        goal.edit(
            draft -> {
              draft.cancellation =
                  new Cancellation(
                      cancelled.eventId(), cancelled.reason(), cancelled.requestedBy());
              draft.runs.values().stream()
                  .filter(
                      run ->
                          (run.phase() == StepRun.Phase.ESCALATED
                                  // A result came: a person approved it, the call happened.
                                  && !draft.earlyResults.containsKey(run.runId()))
                              || run.phase() == StepRun.Phase.AWAITING)
                  .toList()
                  .forEach(run -> draft.put(run.in(StepRun.Phase.DROPPED, "cancelled" + by)));
              draft.awaiting = null;
              draft.note("cancel requested" + by);
            });
    return next.after(cancelling, cancelled.eventId());
  }

  private static Decision<PlannerState> whileActive(
      PlannerState state,
      SwitchboardEvent event,
      Function<PlannerState, Decision<PlannerState>> handle) {
    if (state == null) {
      if (event != null) {
        log.warn(
            "ignoring {} {} for goal {}: the planner never saw that goal",
            event.getClass().getSimpleName(),
            event.eventId(),
            event.goalId());
      }
      return Decision.of(null);
    }
    if (state.status().ended()) {
      log.debug("ignoring an event for goal {}: the goal ended {}", state.goalId(), state.status());
      return Decision.of(state);
    }
    return handle.apply(state);
  }

  /**
   * The verdict folded in; a result that came before it (ResultCheck) is taken now if the verdict
   * allows the action.
   */
  private Decision<PlannerState> verdict(PlannerState goal, VerdictEvent verdict) {
    PlannerState judged = observations.verdict(goal, verdict);
    ActionResultEvent early = judged.earlyResults().get(verdict.actionId());
    boolean allowed =
        judged.run(verdict.actionId()).map(StepRun::phase).orElse(null) == StepRun.Phase.ALLOWED;
    if (early == null || !allowed) {
      return next.after(judged, verdict.eventId());
    }
    PlannerState taken =
        observations.result(
            judged.edit(draft -> draft.earlyResults.remove(verdict.actionId())), early);
    return next.after(taken, early.eventId());
  }

  /**
   * A late result of an ended goal is ignored; one before its verdict waits for it; any other
   * result must fit (ResultCheck).
   */
  private Decision<PlannerState> result(PlannerState state, ActionResultEvent result) {
    if (state != null && state.status().ended()) {
      return whileActive(state, result, goal -> Decision.of(goal));
    }
    return switch (ResultCheck.of(state, result)) {
      case ResultCheck.Refused refused -> throw new EventRefusal(refused.reason());
      case ResultCheck.BeforeItsVerdict early -> {
        log.debug(
            "goal {}: result of {} came before its verdict; held until the verdict comes",
            result.goalId(),
            result.actionId());
        yield Decision.of(state.edit(draft -> draft.earlyResults.put(result.actionId(), result)));
      }
      case ResultCheck.Takes takes ->
          whileActive(
              state,
              result,
              goal -> next.after(observations.result(goal, result), result.eventId()));
    };
  }

  private static Decision<PlannerState> notPending(PlannerState goal, String actionId) {
    log.debug("goal {}: action {} is not pending; ignored", goal.goalId(), actionId);
    return Decision.of(goal);
  }

  private static Decision<PlannerState> notAnInput(SwitchboardEvent event) {
    throw new IllegalArgumentException(
        "the planner does not read " + event.getClass().getSimpleName());
  }
}
