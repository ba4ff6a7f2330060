package dev.switchboard.planner;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.GoalProcessor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner's per-goal state machine: starts a goal with its agent, proposes the agent's next
 * steps, folds in verdicts and results, and reports how the goal ended. Once ended, a goal takes no
 * further events.
 */
public final class GoalPlanner implements GoalProcessor<PlannerState> {
  private static final Logger log = LoggerFactory.getLogger(GoalPlanner.class);

  private final AgentRegistry agents;
  private final DeterministicPlanner planner;
  private final String defaultAgent;
  private final Clock clock;

  public GoalPlanner(
      AgentRegistry agents, DeterministicPlanner planner, String defaultAgent, Clock clock) {
    this.agents = agents;
    this.planner = planner;
    this.defaultAgent = defaultAgent;
    this.clock = clock;
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
    return switch (event) {
      case GoalEvent goal -> onGoal(state, goal);
      case VerdictEvent verdict -> whileActive(state, verdict, goal -> onVerdict(goal, verdict));
      case ActionResultEvent result -> whileActive(state, result, goal -> onResult(goal, result));
      // Approvals, denials and edits reach the planner as the guardrail's verdicts; answers,
      // takeovers and reassignments wait for the agents that ask questions and hand off.
      case ResolutionEvent resolution -> whileActive(state, resolution, Decision::of);
      case PlanEvent other -> notAnInput(other);
      case ActionRequestEvent other -> notAnInput(other);
      case EscalationEvent other -> notAnInput(other);
      case OutcomeEvent other -> notAnInput(other);
    };
  }

  private Decision<PlannerState> onGoal(PlannerState state, GoalEvent event) {
    return switch (event) {
      case GoalSubmitted submitted -> state == null ? start(submitted) : resubmitted(state);
      case GoalEvent.GoalCancelled cancelled ->
          whileActive(state, cancelled, goal -> cancel(goal, cancelled));
    };
  }

  private Decision<PlannerState> start(GoalSubmitted submitted) {
    String agentName =
        submitted.agent() == null || submitted.agent().isBlank() ? defaultAgent : submitted.agent();
    PlannerState goal =
        PlannerState.started(
                submitted.goalId(), agentName, submitted.description(), submitted.inputs())
            .requestedBy(submitted.requestedBy());
    Optional<AgentSpec> agent = agents.find(agentName);
    if (agent.isEmpty()) {
      return fail(
          goal,
          submitted,
          "Unknown agent",
          "unknown agent '" + agentName + "'; known agents: " + String.join(", ", agents.names()));
    }
    log.info("goal {} started with agent '{}'", goal.goalId(), agentName);
    return planNext(goal, agent.get(), submitted);
  }

  private Decision<PlannerState> resubmitted(PlannerState goal) {
    log.warn("goal {} was submitted again under a new eventId; ignored", goal.goalId());
    return Decision.of(goal);
  }

  private Decision<PlannerState> cancel(PlannerState goal, GoalEvent.GoalCancelled cancelled) {
    String by = cancelled.requestedBy() == null ? "" : " by " + cancelled.requestedBy();
    log.info("goal {} cancelled{}", goal.goalId(), by);
    return Decision.of(
        goal.ended(GoalStatus.CANCELLED),
        new OutcomeEvent.GoalCancelled(
            goal.goalId(),
            UUID.randomUUID(),
            cancelled.eventId(),
            clock.instant(),
            "Goal cancelled" + by,
            cancelled.reason()));
  }

  private Decision<PlannerState> onVerdict(PlannerState goal, VerdictEvent verdict) {
    if (!goal.isPending(verdict.actionId())) {
      return notPending(goal, verdict.actionId());
    }
    return switch (verdict) {
      case ActionAllowed allowed -> Decision.of(goal.withStatus(GoalStatus.RUNNING));
      case ActionEscalated escalated -> Decision.of(goal.withStatus(GoalStatus.WAITING_FOR_HUMAN));
      case ActionDenied denied ->
          fail(
              goal,
              denied,
              "Action denied",
              "action "
                  + denied.actionId()
                  + " was denied by policy '"
                  + denied.policy()
                  + "': "
                  + denied.reason());
    };
  }

  private Decision<PlannerState> onResult(PlannerState goal, ActionResultEvent result) {
    if (!goal.isPending(result.actionId())) {
      return notPending(goal, result.actionId());
    }
    return switch (result) {
      case ActionSucceeded succeeded ->
          planNext(
              goal.withResult(succeeded.actionId(), succeeded.output()), agentOf(goal), succeeded);
      case ActionFailed failed ->
          fail(
              goal,
              failed,
              "Action failed",
              "action " + failed.actionId() + " (" + failed.tool() + ") failed: " + failed.error());
      case ActionOutcomeUnknown unknown ->
          fail(
              goal,
              unknown,
              "Action outcome unknown",
              "the outcome of action "
                  + unknown.actionId()
                  + " ("
                  + unknown.tool()
                  + ") is unknown: "
                  + (unknown.reason() == null ? "no reason given" : unknown.reason())
                  + "; a person must check whether it happened");
    };
  }

  private Decision<PlannerState> planNext(
      PlannerState goal, AgentSpec agent, SwitchboardEvent cause) {
    return switch (planner.next(agent, goal)) {
      case NextSteps.Propose propose -> propose(goal, agent, propose.actions(), cause);
      case NextSteps.AwaitResults waiting -> Decision.of(goal);
      case NextSteps.GoalMet met -> {
        log.info("goal {} completed", goal.goalId());
        yield Decision.of(
            goal.ended(GoalStatus.COMPLETED),
            new GoalCompleted(
                goal.goalId(),
                UUID.randomUUID(),
                cause.eventId(),
                clock.instant(),
                met.summary(),
                goal.resultsAsJson()));
      }
      case NextSteps.Stuck stuck -> fail(goal, cause, "Agent is stuck", stuck.reason());
    };
  }

  private Decision<PlannerState> propose(
      PlannerState goal, AgentSpec agent, List<PlannedAction> actions, SwitchboardEvent cause) {
    List<String> actionIds = actions.stream().map(PlannedAction::actionId).toList();
    log.info("goal {}: proposing {}", goal.goalId(), actionIds);
    return Decision.of(
        goal.proposing(actionIds),
        new StepsProposed(
            goal.goalId(),
            UUID.randomUUID(),
            cause.eventId(),
            clock.instant(),
            agent.name(),
            actions,
            goal.requestedBy()));
  }

  private Decision<PlannerState> fail(
      PlannerState goal, SwitchboardEvent cause, String summary, String reason) {
    log.info("goal {} failed: {}", goal.goalId(), summary);
    return Decision.of(
        goal.ended(GoalStatus.FAILED),
        new GoalFailed(
            goal.goalId(), UUID.randomUUID(), cause.eventId(), clock.instant(), summary, reason));
  }

  /** The agent of a running goal; it was known when the goal started. */
  private AgentSpec agentOf(PlannerState goal) {
    return agents
        .find(goal.agent())
        .orElseThrow(
            () -> new IllegalStateException("agent '" + goal.agent() + "' is no longer known"));
  }

  private static Decision<PlannerState> whileActive(
      PlannerState state,
      SwitchboardEvent event,
      Function<PlannerState, Decision<PlannerState>> handle) {
    if (state == null) {
      log.warn(
          "ignoring {} {} for goal {}: the planner never saw that goal",
          event.getClass().getSimpleName(),
          event.eventId(),
          event.goalId());
      return Decision.of(null);
    }
    if (state.status().ended()) {
      log.debug(
          "ignoring {} for goal {}: the goal ended {}",
          event.getClass().getSimpleName(),
          event.goalId(),
          state.status());
      return Decision.of(state);
    }
    return handle.apply(state);
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
