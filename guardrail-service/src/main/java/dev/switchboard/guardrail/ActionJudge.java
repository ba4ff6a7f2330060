package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.policy.AgentCatalog;
import dev.switchboard.policy.InputDigest;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.PolicyInput;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.ToolCatalog;
import dev.switchboard.policy.ToolFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges one proposed action: gathers what the policy sees (agent, tool facts, arguments, goal,
 * budget, taint, time), runs the checks before policy (argument schema, rate limits), then the
 * current policy. The policy is read once per judgement, so a reload never splits one.
 */
final class ActionJudge {
  private final Supplier<PolicySet> policy;
  private final ToolCatalog tools;
  private final AgentCatalog agents;
  private final ArgumentSchemas schemas;
  private final RateLimiter rateLimiter;
  private final Clock clock;

  ActionJudge(
      Supplier<PolicySet> policy,
      ToolCatalog tools,
      AgentCatalog agents,
      ArgumentSchemas schemas,
      RateLimiter rateLimiter,
      Clock clock) {
    this.policy = policy;
    this.tools = tools;
    this.agents = agents;
    this.schemas = schemas;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
  }

  /** A decision with what it was based on, ready for the audit record. */
  record Judgement(PolicyInput input, PolicyDecision decision, String inputsHash) {
    Audit audit(String approvedBy) {
      return audit(decision.rule(), decision.reason(), approvedBy);
    }

    Audit audit(String rule, String reason, String approvedBy) {
      return new Audit(
          decision.policy().id(),
          decision.policy().version(),
          rule,
          reason,
          inputsHash,
          approvedBy,
          null,
          input.kind() == PolicyInput.Kind.TOOL ? input.tool().name() : null,
          input.agent().name(),
          input.goal().tenant().isEmpty() ? null : input.goal().tenant());
    }
  }

  /**
   * @param allowedMeanwhile usage keys of actions allowed earlier in the same proposal
   */
  Judgement judge(
      GuardrailState state,
      String goalId,
      String agent,
      PlannedAction action,
      Map<String, Long> allowedMeanwhile) {
    PolicyInput input = toolInput(state, goalId, agent, action);
    PolicyDecision decision =
        input.tool().known()
            ? schemas
                .check(input.tool(), input.arguments())
                .or(() -> rateLimiter.check(input, allowedMeanwhile))
                .orElseGet(() -> policy.get().evaluate(input))
            : policy.get().evaluate(input);
    return new Judgement(input, decision, InputDigest.of(input));
  }

  /** An edit a person made: the schema and the policy again, no rate limit (a person decided). */
  Judgement judgeEdit(GuardrailState state, String goalId, String agent, PlannedAction edited) {
    PolicyInput input = toolInput(state, goalId, agent, edited);
    PolicyDecision decision =
        schemas
            .check(input.tool(), input.arguments())
            .orElseGet(() -> policy.get().evaluate(input));
    return new Judgement(input, decision, InputDigest.of(input));
  }

  Judgement judgeHandoff(GuardrailState state, HandoffProposed handoff, String actionId) {
    PolicyInput input =
        new PolicyInput(
            PolicyInput.Kind.HANDOFF,
            actionId,
            agents.factsOf(handoff.agent() == null ? "" : handoff.agent()),
            ToolFacts.none(),
            null,
            false,
            handoff.target(),
            goalOf(state, handoff.goalId()),
            budgetOf(state),
            contextOf(state),
            clock.instant());
    PolicyDecision decision = policy.get().evaluate(input);
    return new Judgement(input, decision, InputDigest.of(input));
  }

  /** The usage keys an allowed action counts under (see {@link RateUsage}). */
  static List<String> usageKeys(PolicyInput input) {
    return RateUsage.keysOf(input.tool().name(), input.agent().name(), input.goal().tenant());
  }

  Optional<ToolFacts> tool(String name) {
    return tools.lookup(name);
  }

  private PolicyInput toolInput(
      GuardrailState state, String goalId, String agent, PlannedAction action) {
    return new PolicyInput(
        PolicyInput.Kind.TOOL,
        action.actionId(),
        agents.factsOf(agent),
        tools.factsOf(action.tool()),
        action.arguments(),
        action.sideEffect(),
        null,
        goalOf(state, goalId),
        budgetOf(state),
        contextOf(state),
        clock.instant());
  }

  private static PolicyInput.Goal goalOf(GuardrailState state, String goalId) {
    GoalContext goal = state.goal();
    return goal == null
        ? PolicyInput.Goal.unknown(goalId)
        : new PolicyInput.Goal(goalId, goal.tenant(), goal.requestedBy(), goal.labels());
  }

  private PolicyInput.Budget budgetOf(GuardrailState state) {
    Instant now = clock.instant();
    GoalContext goal = state.goal();
    Duration elapsed =
        goal == null || goal.submittedAt() == null || goal.submittedAt().isAfter(now)
            ? Duration.ZERO
            : Duration.between(goal.submittedAt(), now);
    return new PolicyInput.Budget(state.decided().size(), state.allowed(), elapsed);
  }

  private static PolicyInput.Context contextOf(GuardrailState state) {
    return new PolicyInput.Context(state.taint(), state.taintSources());
  }
}
