package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verdict for every action of a StepsProposed, once per actionId: allowed ones signed and
 * requested, denied ones refused with the reason, escalated ones put to a person.
 */
final class StepJudging {
  private static final Logger log = LoggerFactory.getLogger(StepJudging.class);

  private final ActionJudge judge;
  private final GuardrailEvents events;
  private final TaintRules taint;
  private final String defaultQueue;

  StepJudging(ActionJudge judge, GuardrailEvents events, TaintRules taint, String defaultQueue) {
    this.judge = judge;
    this.events = events;
    this.taint = taint;
    this.defaultQueue = defaultQueue;
  }

  Decision<GuardrailState> judge(GuardrailState state, StepsProposed steps) {
    GuardrailState next = state;
    List<SwitchboardEvent> emit = new ArrayList<>();
    Map<String, Long> allowedNow = new HashMap<>();
    for (PlannedAction action : steps.actions()) {
      if (next.hasDecided(action.actionId())) {
        log.debug("goal {}: {} was judged already", steps.goalId(), action.actionId());
        continue;
      }
      ActionJudge.Judgement judgement =
          judge.judge(next, steps.goalId(), steps.agent(), action, allowedNow);
      PolicyDecision decision = judgement.decision();
      // The tool and the rule, never the arguments: payloads stay out of logs.
      log.info(
          "goal {}: {} ({}) -> {} by rule '{}' of {}",
          steps.goalId(),
          action.actionId(),
          action.tool(),
          decision.kind(),
          decision.rule(),
          decision.policy().id());
      switch (decision) {
        case PolicyDecision.Allow allow -> {
          emit.add(events.allowed(steps, action.actionId(), judgement.audit(null)));
          emit.add(events.request(steps, action, null));
          next = taint.after(next.allowed(action.actionId()), judgement.input().tool());
          ActionJudge.usageKeys(judgement.input())
              .forEach(key -> allowedNow.merge(key, 1L, Long::sum));
        }
        case PolicyDecision.Deny deny -> {
          emit.add(events.denied(steps, action.actionId(), judgement.audit(null)));
          next = next.decided(action.actionId());
        }
        case PolicyDecision.Escalate escalate -> {
          String escalationId = Guardrail.approvalIdFor(steps.goalId(), action.actionId());
          String queue = escalate.route().queue() == null ? defaultQueue : escalate.route().queue();
          emit.add(events.escalated(steps, action.actionId(), escalationId, judgement.audit(null)));
          emit.add(
              events.approvalRequested(
                  steps,
                  escalationId,
                  queue,
                  escalate.route(),
                  steps.agent(),
                  action,
                  judgement.audit(null),
                  next.goal() == null ? null : next.goal().requestedBy()));
          next =
              next.awaitingApproval(
                  escalationId,
                  new PendingApproval(
                      steps.agent(),
                      action,
                      escalate.route().approverRole(),
                      escalate.route().fourEyes(),
                      escalate.policy().id(),
                      escalate.policy().version(),
                      escalate.rule(),
                      judgement.inputsHash(),
                      queue));
        }
      }
    }
    return Decision.of(next, emit);
  }
}
