package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.edge.Decision;
import dev.switchboard.policy.ToolCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the guardrail learns about a goal besides its proposals: its metadata from GoalSubmitted,
 * and which results entered its context from {@code action-result}. A result of a tool that returns
 * untrusted content taints the context; judging already tainted it when such a read was allowed, so
 * a proposal that arrives before the result is judged as tainted all the same.
 */
final class ContextTracker {
  private static final Logger log = LoggerFactory.getLogger(ContextTracker.class);

  private final ToolCatalog tools;
  private final TaintRules taint;

  ContextTracker(ToolCatalog tools, TaintRules taint) {
    this.tools = tools;
    this.taint = taint;
  }

  /** The goal's metadata, from its first GoalSubmitted; a second one changes nothing. */
  GuardrailState onSubmitted(GuardrailState state, GoalSubmitted submitted) {
    if (state != null && state.goal() != null) {
      log.warn("goal {} was submitted again; its first metadata stays", submitted.goalId());
      return state;
    }
    return GuardrailState.orEmpty(state).withGoal(GoalContext.of(submitted));
  }

  Decision<GuardrailState> onResult(GuardrailState state, ActionResultEvent result) {
    var facts = tools.factsOf(result.tool());
    if (!taint.returnsUntrustedContent(facts)) {
      return Decision.of(state);
    }
    GuardrailState next = taint.after(GuardrailState.orEmpty(state), facts);
    if (state == null || !state.taintSources().contains(result.tool())) {
      log.info(
          "goal {}: the result of {} is untrusted content; the goal's context is tainted",
          result.goalId(),
          result.tool());
    }
    return Decision.of(next);
  }
}
