package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.edge.testing.MutableClock;
import dev.switchboard.planner.llm.ChatEffectHandler;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.PlannerKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives one goal through a {@link GoalPlanner} with the events the other services would send: the
 * whole flow in plain Java, no broker.
 */
final class GoalDriver {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  final MutableClock clock = new MutableClock(T0);
  final GoalPlanner planner;
  final String goalId;
  PlannerState state;
  Decision<PlannerState> last;
  private int escalations;

  GoalDriver(AgentLibrary agents) {
    this(agents, "goal-1");
  }

  GoalDriver(AgentLibrary agents, String goalId) {
    this.planner =
        new GoalPlanner(
            agents,
            Map.of(PlannerKind.DETERMINISTIC, new DeterministicPlanner()),
            "demo",
            "human:operators",
            clock);
    this.goalId = goalId;
  }

  /**
   * With a goal waiting {@code grace} (looking again every {@code recheck}) when its agent would
   * call a tool that {@code unknownTool} names, then failing.
   */
  GoalDriver(
      AgentLibrary agents,
      java.util.function.Predicate<String> unknownTool,
      java.time.Duration grace,
      java.time.Duration recheck) {
    this.planner =
        new GoalPlanner(
            agents,
            Map.of(PlannerKind.DETERMINISTIC, new DeterministicPlanner()),
            "demo",
            "human:operators",
            clock,
            ModelCalls.NONE,
            new dev.switchboard.planner.llm.ModelPrices(Map.of()),
            unknownTool,
            grace,
            recheck);
    this.goalId = "goal-1";
  }

  /** What the edge does when one of the goal's durable timers is due. */
  Decision<PlannerState> timerDue(String timerId) {
    last = planner.onTimer(state, goalId, timerId, clock.instant());
    state = last.state();
    return last;
  }

  /** With the given planners, and model calls made as {@code modelCalls} says. */
  GoalDriver(
      AgentLibrary agents,
      Map<PlannerKind, Planner> planners,
      ModelCalls modelCalls,
      dev.switchboard.planner.llm.ModelPrices prices) {
    this.planner =
        new GoalPlanner(agents, planners, "demo", "human:operators", clock, modelCalls, prices);
    this.goalId = "goal-1";
  }

  /** What the edge does once the {@code chat} effect answered. */
  Decision<PlannerState> modelReply(String turnId, JsonNode reply) {
    last =
        planner.onEffectResult(
            state, new EffectResult.Succeeded(goalId, turnId, ChatEffectHandler.KIND, 1, reply));
    state = last.state();
    return last;
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  Decision<PlannerState> apply(SwitchboardEvent event) {
    last = planner.decide(state, event);
    state = last.state();
    return last;
  }

  Decision<PlannerState> submit(String agent, String description, Map<String, String> inputs) {
    return apply(
        new GoalSubmitted(
            goalId, UUID.randomUUID(), null, clock.instant(), agent, description, inputs));
  }

  Decision<PlannerState> succeed(String actionId, String outputJson) {
    allowedFirst(actionId);
    return succeedBeforeItsVerdict(actionId, outputJson);
  }

  /** The executor's result as it comes, also before the planner has read the verdict. */
  Decision<PlannerState> succeedBeforeItsVerdict(String actionId, String outputJson) {
    return apply(
        new ActionSucceeded(
            goalId,
            UUID.randomUUID(),
            null,
            clock.instant(),
            actionId,
            toolOf(actionId),
            json(outputJson)));
  }

  Decision<PlannerState> fail(String actionId, String error) {
    allowedFirst(actionId);
    return apply(
        new ActionFailed(
            goalId, UUID.randomUUID(), null, clock.instant(), actionId, toolOf(actionId), error));
  }

  Decision<PlannerState> unknown(String actionId, String reason) {
    allowedFirst(actionId);
    return apply(
        new ActionOutcomeUnknown(
            goalId, UUID.randomUUID(), null, clock.instant(), actionId, toolOf(actionId), reason));
  }

  /** The guardrail's part: an action the planner just proposed is allowed before its result. */
  private void allowedFirst(String actionId) {
    if (state != null
        && state.run(actionId).map(run -> run.phase() == StepRun.Phase.PROPOSED).orElse(false)) {
      allow(actionId);
    }
  }

  Decision<PlannerState> allow(String actionId) {
    return apply(
        new ActionAllowed(
            goalId, UUID.randomUUID(), null, clock.instant(), actionId, "read-only-tools"));
  }

  /** Escalates the action and returns its escalationId. */
  String escalate(String actionId) {
    String escalationId = "approval-" + ++escalations;
    apply(
        new ActionEscalated(
            goalId,
            UUID.randomUUID(),
            null,
            clock.instant(),
            actionId,
            "outbound-communication",
            escalationId,
            "needs approval"));
    return escalationId;
  }

  Decision<PlannerState> deny(String actionId, String reason) {
    return apply(
        new ActionDenied(
            goalId, UUID.randomUUID(), null, clock.instant(), actionId, "human-approval", reason));
  }

  Decision<PlannerState> edit(String escalationId, String argumentsJson) {
    return apply(
        new Edited(
            goalId,
            UUID.randomUUID(),
            null,
            clock.instant(),
            escalationId,
            "ann",
            json(argumentsJson)));
  }

  Decision<PlannerState> reassign(String newOwner, String actor) {
    return apply(
        new Reassigned(
            goalId, UUID.randomUUID(), null, clock.instant(), nextEscalation(), actor, newOwner));
  }

  /** What the handoff service does with a handoff to an agent: reassign it at once. */
  Decision<PlannerState> handOverAsProposed() {
    HandoffProposed handoff = only(HandoffProposed.class);
    assertThat(handoff.target()).startsWith("agent:");
    return reassign(handoff.target(), "system:handoff");
  }

  Decision<PlannerState> answer(String text) {
    return apply(
        new Answered(
            goalId, UUID.randomUUID(), null, clock.instant(), nextEscalation(), "ann", text));
  }

  Decision<PlannerState> takeOver(String result) {
    return apply(
        new TakenOver(
            goalId, UUID.randomUUID(), null, clock.instant(), nextEscalation(), "ann", result));
  }

  Decision<PlannerState> expire() {
    return apply(
        new Expired(
            goalId,
            UUID.randomUUID(),
            null,
            clock.instant(),
            nextEscalation(),
            "system:sla",
            "24h"));
  }

  Decision<PlannerState> cancel() {
    return apply(
        new GoalCancelled(
            goalId, UUID.randomUUID(), null, clock.instant(), "no longer needed", "ann"));
  }

  StepsProposed proposed() {
    return only(StepsProposed.class);
  }

  <T extends SwitchboardEvent> T only(Class<T> type) {
    assertThat(last.emit()).as("events of the last decision").hasSize(1);
    assertThat(last.emit().getFirst()).isInstanceOf(type);
    return type.cast(last.emit().getFirst());
  }

  String action(String agent, String step) {
    return StepRun.runId(goalId, agent, step, 1);
  }

  private String nextEscalation() {
    return "esc-" + ++escalations;
  }

  private String toolOf(String actionId) {
    return state.run(actionId).map(StepRun::tool).orElse("unknown.tool");
  }
}
