package dev.switchboard.planner;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.ArgumentTemplate;
import dev.switchboard.planner.spec.LoadedSpec;
import dev.switchboard.planner.spec.SopStep;
import dev.switchboard.planner.spec.StepAction;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Folds what the guardrail and the executor report about a goal's actions into its state: verdicts,
 * results and the facts they produce, a person's edit of an approved action.
 */
final class Observations {
  private static final Logger log = LoggerFactory.getLogger(Observations.class);

  private final AgentLibrary library;

  Observations(AgentLibrary library) {
    this.library = library;
  }

  /** Whether the goal waits for a verdict or result of this action. */
  static boolean awaitsWordOn(PlannerState goal, String actionId) {
    return goal.run(actionId)
        .map(
            run ->
                run.kind() == StepRun.Kind.TOOL
                    && (run.phase() == StepRun.Phase.PROPOSED
                        || run.phase() == StepRun.Phase.ALLOWED
                        || run.phase() == StepRun.Phase.ESCALATED))
        .orElse(false);
  }

  PlannerState verdict(PlannerState goal, VerdictEvent verdict) {
    StepRun run = goal.runs().get(verdict.actionId());
    return goal.edit(
        draft -> {
          switch (verdict) {
            case ActionAllowed allowed -> draft.put(run.in(StepRun.Phase.ALLOWED, null));
            case ActionEscalated escalated -> {
              // With a result already read, a person approved and the call happened: not dropped.
              if (goal.cancelling() && !goal.earlyResults().containsKey(run.runId())) {
                draft.put(run.in(StepRun.Phase.DROPPED, "the goal was cancelled"));
              } else {
                draft.put(run.in(StepRun.Phase.ESCALATED, escalated.reason()));
                draft.approvals.put(escalated.escalationId(), run.runId());
                draft.note(
                    run.agent() + ": " + run.step() + " (" + run.tool() + ") waits for approval");
              }
            }
            case ActionDenied denied -> {
              String why = "by policy '" + denied.policy() + "': " + denied.reason();
              draft.put(run.in(StepRun.Phase.DENIED, why));
              draft.note(
                  run.agent() + ": " + run.step() + " (" + run.tool() + ") was denied " + why);
              if (draft.earlyResults.remove(run.runId()) != null) {
                // No executor runs a denied action: that result was not the executor's word.
                log.warn(
                    "goal {}: dropped the result read for {} before its verdict: the guardrail"
                        + " denied the action",
                    goal.goalId(),
                    run.runId());
                draft.note("a result for " + run.step() + " came without an allowed call: dropped");
              }
            }
          }
          draft.status = statusOf(draft);
        });
  }

  PlannerState result(PlannerState goal, ActionResultEvent result) {
    StepRun run = goal.runs().get(result.actionId());
    return goal.edit(
        draft -> {
          switch (result) {
            case ActionSucceeded succeeded -> {
              JsonNode output =
                  succeeded.output() == null ? NullNode.getInstance() : succeeded.output();
              draft.put(run.in(StepRun.Phase.SUCCEEDED, null));
              draft.results.put(run.runId(), output);
              producedBy(goal, run)
                  .ifPresent(
                      step ->
                          AnswerFacts.from(step.produces(), output, null)
                              .forEach(
                                  (fact, value) -> {
                                    draft.facts.put(fact, value);
                                    draft.factSources.put(fact, run.runId());
                                  }));
              draft.note(run.agent() + ": " + run.step() + " (" + run.tool() + ") succeeded");
            }
            case ActionFailed failed -> {
              draft.put(run.in(StepRun.Phase.FAILED, failed.error()));
              draft.note(
                  run.agent()
                      + ": "
                      + run.step()
                      + " ("
                      + run.tool()
                      + ") failed: "
                      + failed.error());
            }
            case ActionOutcomeUnknown unknown -> {
              String reason = unknown.reason() == null ? "no reason given" : unknown.reason();
              draft.put(run.in(StepRun.Phase.OUTCOME_UNKNOWN, reason));
              draft.note(
                  run.agent()
                      + ": "
                      + run.step()
                      + " ("
                      + run.tool()
                      + ") may or may not have happened: "
                      + reason);
            }
          }
          draft.status = statusOf(draft);
        });
  }

  /**
   * A person changed the arguments of an action waiting for approval: where an argument was exactly
   * one fact ({@code to: "{{contact_email}}"}), the fact takes the person's value, so later steps
   * use it too.
   */
  PlannerState edited(PlannerState goal, Edited edited) {
    String actionId = goal.approvals().get(edited.escalationId());
    StepRun run = actionId == null ? null : goal.runs().get(actionId);
    if (run == null || !edited.arguments().isObject()) {
      return goal;
    }
    Optional<StepAction.CallTool> call =
        producedBy(goal, run)
            .map(SopStep::action)
            .filter(StepAction.CallTool.class::isInstance)
            .map(StepAction.CallTool.class::cast)
            .filter(tool -> tool.tool().equals(run.tool()));
    return goal.edit(
        draft -> {
          draft.put(
              new StepRun(
                  run.runId(),
                  run.agent(),
                  run.step(),
                  run.attempt(),
                  run.kind(),
                  run.tool(),
                  edited.arguments(),
                  run.sideEffect(),
                  run.phase(),
                  run.detail()));
          call.ifPresent(
              tool -> {
                for (Map.Entry<String, JsonNode> argument : tool.arguments().properties()) {
                  JsonNode value = edited.arguments().get(argument.getKey());
                  if (value != null && argument.getValue().isString()) {
                    ArgumentTemplate.soleFact(argument.getValue().asString())
                        .ifPresent(fact -> draft.facts.put(fact, value));
                  }
                }
              });
          draft.note(
              run.agent()
                  + ": "
                  + run.step()
                  + " ("
                  + run.tool()
                  + ") edited by "
                  + edited.actor());
        });
  }

  /** The SOP step a run belongs to, in the spec version its agent runs. */
  Optional<SopStep> producedBy(PlannerState goal, StepRun run) {
    return Optional.ofNullable(goal.specVersions().get(run.agent()))
        .flatMap(library::version)
        .map(LoadedSpec::spec)
        .flatMap(spec -> spec.step(run.step()));
  }

  /** Waiting for a person while one holds the goal or decides on an action. */
  static GoalStatus statusOf(PlannerState.Draft draft) {
    boolean person =
        Owners.isHuman(draft.holder)
            || draft.runs.values().stream()
                .anyMatch(
                    r ->
                        r.phase() == StepRun.Phase.ESCALATED
                            || r.phase() == StepRun.Phase.OUTCOME_UNKNOWN)
            || draft.awaiting != null && Owners.isHuman(draft.awaiting.target());
    return person ? GoalStatus.WAITING_FOR_HUMAN : GoalStatus.RUNNING;
  }
}
