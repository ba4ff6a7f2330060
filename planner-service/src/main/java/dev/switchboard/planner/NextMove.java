package dev.switchboard.planner;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.Decision;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.Budgets;
import dev.switchboard.planner.spec.LoadedSpec;
import dev.switchboard.planner.spec.PlannerKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * After anything changed a goal: asks the agent's planner for the next steps and turns them into
 * events — within the agent's budgets, and never the same action once too often. A goal that cannot
 * go on (stuck, over budget, in a loop, an action of unknown outcome) goes to a person with a
 * summary, not silently failed.
 */
final class NextMove {
  private static final Logger log = LoggerFactory.getLogger(NextMove.class);

  private final AgentLibrary library;
  private final Map<PlannerKind, Planner> planners;
  private final PlanEvents events;
  private final Clock clock;
  private final String fallbackQueue;
  private final ModelCalls modelCalls;
  private final Predicate<String> unknownTool;
  private final UnknownToolGrace toolGrace;
  private final EventCodec codec = new EventCodec();

  /**
   * @param fallbackQueue where goals go whose agent's spec is not available here
   * @param unknownTool a tool that is not there to call (yet): a goal proposing it waits for it
   * @param toolGrace how long it waits before it fails
   */
  NextMove(
      AgentLibrary library,
      Map<PlannerKind, Planner> planners,
      PlanEvents events,
      Clock clock,
      String fallbackQueue,
      ModelCalls modelCalls,
      Predicate<String> unknownTool,
      UnknownToolGrace toolGrace) {
    this.library = library;
    this.planners = Map.copyOf(planners);
    this.events = events;
    this.clock = clock;
    this.fallbackQueue = fallbackQueue;
    this.modelCalls = modelCalls;
    this.unknownTool = unknownTool;
    this.toolGrace = toolGrace;
  }

  Decision<PlannerState> after(PlannerState state, UUID cause) {
    // A wait for unlisted tools lasts only while the next move is still to propose them.
    ToolWait waited = state.toolWait();
    PlannerState goal = waited == null ? state : state.edit(draft -> draft.toolWait = null);
    if (goal.cancelling()) {
      return finishCancelling(goal, cause);
    }
    if (goal.awaiting() != null) {
      return Decision.of(goal);
    }
    Optional<LoadedSpec> loaded = specOf(goal, goal.agent());
    if (loaded.isEmpty()) {
      return handOff(
          goal,
          cause,
          fallbackQueue,
          "the spec of agent '"
              + goal.agent()
              + "' ("
              + goal.specVersions().get(goal.agent())
              + ") is not available on this planner",
          Awaiting.Purpose.UNAVAILABLE,
          null,
          0);
    }
    LoadedSpec spec = loaded.get();
    Optional<StepRun> unknown = goal.toolRuns(StepRun.Phase.OUTCOME_UNKNOWN).stream().findFirst();
    if (unknown.isPresent()) {
      return askAboutOutcome(goal, spec, unknown.get(), cause);
    }
    Optional<String> overBudget = overBudget(goal, spec.spec().budgets());
    if (overBudget.isPresent()) {
      return handOff(
          goal,
          cause,
          spec.spec().escalationQueue(),
          overBudget.get(),
          Awaiting.Purpose.BUDGET,
          null,
          0);
    }
    Planner planner = planners.get(spec.spec().planner());
    if (planner == null) {
      return fail(
          goal,
          cause,
          "No planner",
          "agent '"
              + spec.name()
              + "' uses the "
              + spec.spec().planner().wireName()
              + " planner, which is not configured on this planner service");
    }
    return switch (planner.next(spec.spec(), goal)) {
      case NextSteps.Propose propose -> propose(goal, spec, propose.calls(), cause, waited);
      case NextSteps.HandOff handOff ->
          handOff(
              goal,
              cause,
              handOff.target(),
              handOff.reason(),
              handOff.purpose(),
              handOff.step(),
              handOff.attempt());
      case NextSteps.Ask ask -> ask(goal, cause, ask);
      case NextSteps.AwaitResults waiting -> Decision.of(goal);
      case NextSteps.GoalMet met -> goalMet(goal, cause, met.summary());
      case NextSteps.Stuck stuck ->
          handOff(
              goal,
              cause,
              spec.spec().escalationQueue(),
              "stuck: " + stuck.reason(),
              Awaiting.Purpose.STUCK,
              null,
              0);
      case NextSteps.Fail failure -> fail(goal, cause, failure.summary(), failure.reason());
      case NextSteps.Consult consult -> consult(goal, cause, consult.chatRequest());
    };
  }

  /** Records the turn as under way and lets the model call leave the planner. */
  private Decision<PlannerState> consult(PlannerState goal, UUID cause, JsonNode request) {
    int number = goal.turnsOf(goal.agent()).size() + 1;
    ModelTurn turn =
        new ModelTurn(
            ModelTurn.turnId(goal.goalId(), goal.agent(), number), goal.agent(), number, null);
    PlannerState asking =
        goal.edit(
            draft -> {
              draft.modelTurns.add(turn);
              draft.note(goal.agent() + ": asks its model (turn " + number + ")");
            });
    return modelCalls
        .start(asking, turn, request)
        .orElseGet(
            () ->
                fail(
                    goal,
                    cause,
                    "Model calls not available",
                    "agent '"
                        + goal.agent()
                        + "' needs a model call, and this planner has no model"
                        + " (switchboard.planner.llm.provider is not set)"));
  }

  /** The spec version the goal runs for an agent; the current one for an agent new to the goal. */
  Optional<LoadedSpec> specOf(PlannerState goal, String agent) {
    String hash = goal.specVersions().get(agent);
    return hash == null ? library.current(agent) : library.version(hash);
  }

  /**
   * When the agent's wall-time budget runs out. The seam for kafka-edge's durable timers: whoever
   * takes a goal sets a timer for this instant, and {@link GoalPlanner#onWallTimeElapsed} is its
   * handler. Until timers exist, the budget is checked on every event of the goal.
   */
  Optional<Instant> wallTimeDeadline(PlannerState goal) {
    return specOf(goal, goal.agent())
        .map(spec -> goal.usageOf(goal.agent()).since().plus(spec.spec().budgets().maxWallTime()));
  }

  private Optional<String> overBudget(PlannerState goal, Budgets budgets) {
    Usage used = goal.usageOf(goal.agent());
    String agent = "agent '" + goal.agent() + "'";
    if (!clock.instant().isBefore(used.since().plus(budgets.maxWallTime()))) {
      return Optional.of(
          agent
              + " held the goal for longer than its wall-time budget of "
              + budgets.maxWallTime());
    }
    if (used.tokens() > budgets.maxTokens()) {
      return Optional.of(
          agent
              + " used "
              + used.tokens()
              + " model tokens, more than its budget of "
              + budgets.maxTokens());
    }
    if (used.cost().compareTo(budgets.maxCost()) > 0) {
      return Optional.of(
          agent
              + " used $"
              + used.cost()
              + " of model calls, more than its budget of $"
              + budgets.maxCost());
    }
    return Optional.empty();
  }

  private Decision<PlannerState> propose(
      PlannerState goal, LoadedSpec spec, List<NextSteps.Call> calls, UUID cause, ToolWait waited) {
    Budgets budgets = spec.spec().budgets();
    List<String> missing =
        calls.stream().map(NextSteps.Call::tool).filter(unknownTool).distinct().toList();
    if (!missing.isEmpty()) {
      return switch (toolGrace.check(waited, goal.agent(), missing, clock.instant())) {
        case UnknownToolGrace.KeepWaiting keep -> waitForTools(goal, waited, keep.toolWait());
        case UnknownToolGrace.GiveUp giveUp -> fail(goal, cause, "Unknown tool", giveUp.reason());
      };
    }
    for (NextSteps.Call call : calls) {
      int times = goal.proposals().getOrDefault(signature(call), 0) + 1;
      if (times > budgets.maxRepeats()) {
        return handOff(
            goal,
            cause,
            spec.spec().escalationQueue(),
            "loop: agent '"
                + goal.agent()
                + "' proposed "
                + call.tool()
                + " with the same arguments "
                + times
                + " times (at most "
                + budgets.maxRepeats()
                + "): "
                + call.arguments(),
            Awaiting.Purpose.LOOP,
            null,
            0);
      }
    }
    Usage used = goal.usageOf(goal.agent());
    if (used.steps() + calls.size() > budgets.maxSteps()) {
      return handOff(
          goal,
          cause,
          spec.spec().escalationQueue(),
          "over budget: agent '"
              + goal.agent()
              + "' would take "
              + (used.steps() + calls.size())
              + " steps, more than its budget of "
              + budgets.maxSteps(),
          Awaiting.Purpose.BUDGET,
          null,
          0);
    }
    List<PlannedAction> actions = new ArrayList<>();
    PlannerState next =
        goal.edit(
            draft -> {
              for (NextSteps.Call call : calls) {
                String runId =
                    StepRun.runId(goal.goalId(), goal.agent(), call.step(), call.attempt());
                actions.add(
                    new PlannedAction(
                        runId,
                        call.tool(),
                        call.arguments(),
                        call.dependsOn(),
                        call.sideEffect(),
                        call.rationale()));
                draft.put(
                    new StepRun(
                        runId,
                        goal.agent(),
                        call.step(),
                        call.attempt(),
                        StepRun.Kind.TOOL,
                        call.tool(),
                        call.arguments(),
                        call.sideEffect(),
                        StepRun.Phase.PROPOSED,
                        null));
                draft.proposals.merge(signature(call), 1, Integer::sum);
                draft.note(goal.agent() + ": proposes " + call.step() + " (" + call.tool() + ")");
              }
              draft.usage.put(goal.agent(), used.plusSteps(calls.size()));
              draft.status = Observations.statusOf(draft);
            });
    log.info(
        "goal {}: agent '{}' proposes {}",
        goal.goalId(),
        goal.agent(),
        actions.stream().map(PlannedAction::actionId).toList());
    return Decision.of(next, events.steps(next, cause, actions));
  }

  /** Proposes nothing until the tools are listed or the wait ends; its timer looks again. */
  private Decision<PlannerState> waitForTools(PlannerState goal, ToolWait waited, ToolWait wait) {
    if (waited == null || !waited.tools().equals(wait.tools())) {
      log.info(
          "goal {}: agent '{}' waits until {} for tools the tools catalog does not list yet: {}",
          goal.goalId(),
          goal.agent(),
          wait.until(),
          wait.tools());
    }
    return Decision.of(
        goal.edit(
            draft -> {
              if (waited == null) {
                draft.note(
                    goal.agent()
                        + ": waits for tools the tools catalog does not list yet: "
                        + String.join(", ", wait.tools()));
              }
              draft.toolWait = wait;
            }));
  }

  Decision<PlannerState> handOff(
      PlannerState goal,
      UUID cause,
      String target,
      String reason,
      Awaiting.Purpose purpose,
      String step,
      int attempt) {
    String runId = step == null ? null : StepRun.runId(goal.goalId(), goal.agent(), step, attempt);
    PlannerState next =
        goal.edit(
            draft -> {
              if (runId != null) {
                draft.put(
                    new StepRun(
                        runId,
                        goal.agent(),
                        step,
                        attempt,
                        StepRun.Kind.HANDOFF,
                        null,
                        null,
                        false,
                        StepRun.Phase.AWAITING,
                        null));
              }
              draft.awaiting = new Awaiting(purpose, runId, target, goal.agent());
              draft.note(goal.agent() + ": hands the goal to " + target + ": " + reason);
              draft.status = Observations.statusOf(draft);
            });
    log.info(
        "goal {}: agent '{}' hands off to {}: {}", goal.goalId(), goal.agent(), target, reason);
    return Decision.of(next, events.handoff(next, cause, target, reason));
  }

  private Decision<PlannerState> ask(PlannerState goal, UUID cause, NextSteps.Ask ask) {
    String runId = StepRun.runId(goal.goalId(), goal.agent(), ask.step(), ask.attempt());
    PlannerState next =
        goal.edit(
            draft -> {
              draft.put(
                  new StepRun(
                      runId,
                      goal.agent(),
                      ask.step(),
                      ask.attempt(),
                      StepRun.Kind.QUESTION,
                      null,
                      null,
                      false,
                      StepRun.Phase.AWAITING,
                      null));
              draft.awaiting =
                  new Awaiting(Awaiting.Purpose.STEP, runId, ask.queue(), goal.agent());
              draft.note(goal.agent() + ": asks " + ask.queue() + ": " + ask.question());
              draft.status = Observations.statusOf(draft);
            });
    return Decision.of(next, events.question(next, cause, ask.queue(), ask.question()));
  }

  /** Asked again with {@code hint} first when the earlier answer could not be read. */
  Decision<PlannerState> askAboutOutcome(
      PlannerState goal, LoadedSpec spec, StepRun run, UUID cause, String hint) {
    String question =
        hint
            + "Action "
            + run.runId()
            + " ("
            + run.tool()
            + ") of agent '"
            + run.agent()
            + "' may or may not have happened: "
            + run.detail()
            + ". Arguments: "
            + run.arguments()
            + ". Did it happen? Answer "
            + OutcomeAnswer.CHOICES
            + ". "
            + OutcomeAnswer.resultNeeded(
                spec.spec()
                    .step(run.step())
                    .map(step -> step.produces().values())
                    .orElse(List.of()));
    String queue = spec.spec().escalationQueue();
    PlannerState next =
        goal.edit(
            draft -> {
              draft.awaiting =
                  new Awaiting(Awaiting.Purpose.OUTCOME, run.runId(), queue, goal.agent());
              draft.note(
                  goal.agent() + ": asks " + queue + " whether " + run.runId() + " happened");
              draft.status = Observations.statusOf(draft);
            });
    return Decision.of(next, events.question(next, cause, queue, question));
  }

  private Decision<PlannerState> askAboutOutcome(
      PlannerState goal, LoadedSpec spec, StepRun run, UUID cause) {
    return askAboutOutcome(goal, spec, run, cause, "");
  }

  private Decision<PlannerState> goalMet(PlannerState goal, UUID cause, String summary) {
    if (!goal.callers().isEmpty()) {
      Caller caller = goal.callers().getLast();
      return handOff(
          goal,
          cause,
          Owners.agent(caller.agent()),
          "done, back to " + caller.agent() + ": " + summary,
          Awaiting.Purpose.RETURN,
          null,
          0);
    }
    log.info("goal {} completed", goal.goalId());
    PlannerState ended = end(goal, GoalStatus.COMPLETED, "completed: " + summary);
    return Decision.of(ended, events.completed(ended, cause, summary));
  }

  Decision<PlannerState> complete(PlannerState goal, UUID cause, String summary) {
    PlannerState ended = end(goal, GoalStatus.COMPLETED, "completed: " + summary);
    return Decision.of(ended, events.completed(ended, cause, summary));
  }

  Decision<PlannerState> fail(PlannerState goal, UUID cause, String summary, String reason) {
    log.info("goal {} failed: {}", goal.goalId(), summary);
    PlannerState ended = end(goal, GoalStatus.FAILED, "failed: " + reason);
    return Decision.of(ended, events.failed(ended, cause, summary, reason));
  }

  private Decision<PlannerState> finishCancelling(PlannerState goal, UUID cause) {
    if (!goal.running().isEmpty()) {
      return Decision.of(goal);
    }
    Cancellation cancel = goal.cancellation();
    String by = cancel.requestedBy() == null ? "" : " by " + cancel.requestedBy();
    List<String> unknown =
        goal.toolRuns(StepRun.Phase.OUTCOME_UNKNOWN).stream().map(StepRun::runId).toList();
    String summary =
        "Goal cancelled"
            + by
            + (unknown.isEmpty()
                ? ""
                : "; a person should check whether " + String.join(", ", unknown) + " happened");
    log.info("goal {} cancelled{}", goal.goalId(), by);
    PlannerState ended = end(goal, GoalStatus.CANCELLED, "cancelled" + by);
    return Decision.of(ended, events.cancelled(ended, cause, summary, cancel.reason()));
  }

  private PlannerState end(PlannerState goal, GoalStatus status, String line) {
    return goal.edit(
        draft -> {
          draft.status = status;
          draft.awaiting = null;
          draft.note(line);
        });
  }

  /** The same tool with the same arguments is the same action, whatever its step or attempt. */
  private String signature(NextSteps.Call call) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(call.tool().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(codec.canonicalBytes(argumentsOf(call)));
      return call.tool() + ":" + HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static JsonNode argumentsOf(NextSteps.Call call) {
    return call.arguments() == null ? JsonNodeFactory.instance.objectNode() : call.arguments();
  }
}
