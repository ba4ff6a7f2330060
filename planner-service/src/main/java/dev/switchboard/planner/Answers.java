package dev.switchboard.planner;

import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.edge.Decision;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.LoadedSpec;
import dev.switchboard.planner.spec.SopStep;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the handoff service reports back: a goal reassigned to an agent (the planner goes on under
 * it, with the whole context), a person's answer, a takeover, an expiry. Approvals, denials and
 * edits of actions reach the planner as the guardrail's verdicts; only an edit's new values are
 * read here.
 */
final class Answers {
  private static final Logger log = LoggerFactory.getLogger(Answers.class);
  private static final String SYSTEM = "system:";

  private final AgentLibrary library;
  private final Observations observations;
  private final NextMove next;
  private final Clock clock;

  Answers(AgentLibrary library, Observations observations, NextMove next, Clock clock) {
    this.library = library;
    this.observations = observations;
    this.next = next;
    this.clock = clock;
  }

  Decision<PlannerState> on(PlannerState goal, ResolutionEvent resolution) {
    if (goal.approvals().containsKey(resolution.escalationId())) {
      return resolution instanceof Edited edited
          ? next.after(observations.edited(goal, edited), edited.eventId())
          : Decision.of(goal);
    }
    Awaiting awaiting = goal.awaiting();
    if (awaiting == null) {
      log.info(
          "goal {}: {} of escalation {} ignored: nothing waits for an answer",
          goal.goalId(),
          resolution.getClass().getSimpleName(),
          resolution.escalationId());
      return Decision.of(goal);
    }
    return switch (resolution) {
      case Reassigned reassigned -> reassigned(goal, awaiting, reassigned);
      case Answered answered -> answered(goal, awaiting, answered, answered.answer());
      case TakenOver takenOver -> takenOver(goal, awaiting, takenOver);
      case Expired expired ->
          next.fail(
              goal,
              expired.eventId(),
              "Nobody answered",
              "nobody answered "
                  + awaiting.target()
                  + " in time"
                  + (expired.reason() == null ? "" : ": " + expired.reason()));
      case Approved approved -> Decision.of(goal);
      case Denied denied -> Decision.of(goal);
      case Edited edited -> Decision.of(goal);
      case ResolutionEvent.DeadlineNear reminder -> Decision.of(goal);
    };
  }

  private Decision<PlannerState> reassigned(
      PlannerState goal, Awaiting awaiting, Reassigned reassigned) {
    String owner = reassigned.newOwner();
    Optional<String> toAgent = Owners.agentOf(owner);
    if (toAgent.isEmpty()) {
      return Decision.of(
          goal.edit(
              draft -> {
                draft.holder = owner;
                draft.note("held by " + owner + ", reassigned by " + reassigned.actor());
                draft.status = Observations.statusOf(draft);
              }));
    }
    String agent = toAgent.get();
    boolean byPerson = !reassigned.actor().startsWith(SYSTEM);
    PlannerState moved =
        goal.edit(
            draft -> {
              draft.awaiting = null;
              switch (awaiting.purpose()) {
                case DELEGATE ->
                    draft.callers.add(new Caller(awaiting.fromAgent(), awaiting.runId()));
                case RETURN -> {
                  if (!draft.callers.isEmpty()) {
                    Caller caller = draft.callers.removeLast();
                    complete(draft, caller.runId(), agent + " handed the goal back");
                  }
                }
                default ->
                    complete(
                        draft,
                        awaiting.runId(),
                        "reassigned to " + owner + " by " + reassigned.actor());
              }
            });
    return takeOver(moved, agent, byPerson, reassigned);
  }

  private static void complete(PlannerState.Draft draft, String runId, String detail) {
    if (runId != null && draft.runs.containsKey(runId)) {
      draft.put(draft.runs.get(runId).in(StepRun.Phase.DONE, detail));
    }
  }

  /**
   * The agent goes on with the goal. An agent back on a goal runs the spec version it ran before
   * (unless a person moved the goal: then the current one) and keeps counting its budgets; a
   * person's move gives it a fresh budget.
   */
  private Decision<PlannerState> takeOver(
      PlannerState goal, String agent, boolean byPerson, ResolutionEvent cause) {
    Optional<LoadedSpec> spec =
        byPerson || !goal.specVersions().containsKey(agent)
            ? library.current(agent)
            : library.version(goal.specVersions().get(agent));
    PlannerState held =
        goal.edit(
            draft -> {
              draft.agent = agent;
              draft.holder = Owners.agent(agent);
              spec.ifPresent(s -> draft.specVersions.put(agent, s.contentHash()));
              if (byPerson || !draft.usage.containsKey(agent)) {
                draft.usage.put(agent, Usage.startingAt(clock.instant()));
              }
              draft.note(
                  agent + " holds the goal" + (byPerson ? ", moved by " + cause.actor() : ""));
              draft.status = Observations.statusOf(draft);
            });
    log.info("goal {} is now held by agent '{}'", goal.goalId(), agent);
    return next.after(held, cause.eventId());
  }

  private Decision<PlannerState> answered(
      PlannerState goal, Awaiting awaiting, ResolutionEvent cause, String answer) {
    return switch (awaiting.purpose()) {
      case OUTCOME -> outcome(goal, awaiting, cause, answer);
      case STUCK, BUDGET, LOOP, UNAVAILABLE -> goOn(goal, awaiting, cause, answer);
      case STEP, FALLBACK, DELEGATE, RETURN -> stepDone(goal, awaiting, cause, answer);
    };
  }

  private Decision<PlannerState> takenOver(
      PlannerState goal, Awaiting awaiting, TakenOver takenOver) {
    String result = takenOver.result() == null ? "" : takenOver.result();
    // Taking over a goal handed to people makes it theirs; taking over a failed step or a question
    // means the person did that step.
    boolean handedToPeople =
        awaiting.purpose() == Awaiting.Purpose.STEP
            && goal.run(awaiting.runId()).map(r -> r.kind() == StepRun.Kind.HANDOFF).orElse(false);
    if (awaiting.aboutTheGoal() || handedToPeople) {
      return next.complete(
          goal.edit(draft -> draft.awaiting = null),
          takenOver.eventId(),
          "Completed by "
              + takenOver.actor()
              + ", who took the goal over"
              + (result.isBlank() ? "" : ": " + result));
    }
    if (awaiting.purpose() == Awaiting.Purpose.OUTCOME) {
      return outcome(goal, awaiting, takenOver, result.isBlank() ? "happened" : result);
    }
    return stepDone(goal, awaiting, takenOver, result);
  }

  /** A person gave what the step was for; its facts come from the answer. */
  private Decision<PlannerState> stepDone(
      PlannerState goal, Awaiting awaiting, ResolutionEvent cause, String answer) {
    StepRun run = awaiting.runId() == null ? null : goal.runs().get(awaiting.runId());
    JsonNode result = AnswerFacts.asResult(answer);
    Map<String, String> produces =
        run == null
            ? Map.of()
            : observations.producedBy(goal, run).map(SopStep::produces).orElse(Map.of());
    Map<String, JsonNode> facts = AnswerFacts.from(produces, result, answer);
    PlannerState answered =
        goal.edit(
            draft -> {
              if (run != null) {
                draft.put(run.in(StepRun.Phase.DONE, "answered by " + cause.actor()));
                draft.results.put(run.runId(), result);
                facts.forEach(
                    (fact, value) -> {
                      draft.facts.put(fact, value);
                      draft.factSources.put(fact, run.runId());
                    });
              }
              back(draft, awaiting, cause.actor() + " answered");
            });
    return next.after(answered, cause.eventId());
  }

  /**
   * A person looked at a goal that could not go on: facts they give are merged, budgets renewed.
   */
  private Decision<PlannerState> goOn(
      PlannerState goal, Awaiting awaiting, ResolutionEvent cause, String answer) {
    PlannerState resumed =
        goal.edit(
            draft -> {
              draft.facts.putAll(AnswerFacts.fields(answer));
              draft.usage.put(awaiting.fromAgent(), Usage.startingAt(clock.instant()));
              complete(draft, awaiting.runId(), "answered by " + cause.actor());
              back(draft, awaiting, cause.actor() + " said to go on: " + answer);
            });
    return next.after(resumed, cause.eventId());
  }

  private Decision<PlannerState> outcome(
      PlannerState goal, Awaiting awaiting, ResolutionEvent cause, String answer) {
    StepRun run = goal.runs().get(awaiting.runId());
    Optional<JsonNode> output = AnswerFacts.jsonObject(answer);
    OutcomeAnswer said = output.isPresent() ? OutcomeAnswer.HAPPENED : OutcomeAnswer.of(answer);
    boolean resultMissing =
        said == OutcomeAnswer.HAPPENED
            && output.isEmpty()
            && observations.producedBy(goal, run).map(s -> !s.produces().isEmpty()).orElse(false);
    if (resultMissing) {
      // Taken as it is, the goal would stop at the next step for want of the facts.
      return askAgain(
          goal,
          run,
          cause,
          "'" + answer + "' is noted, but the next steps need what it returned. ");
    }
    if (said == OutcomeAnswer.UNCLEAR) {
      return askAgain(
          goal, run, cause, "'" + answer + "' is not one of the answers I can act on. ");
    }
    PlannerState decided =
        goal.edit(
            draft -> {
              String by = cause.actor();
              switch (said) {
                case HAPPENED -> {
                  JsonNode result =
                      output.orElseGet(
                          () ->
                              JsonNodeFactory.instance
                                  .objectNode()
                                  .put("confirmedBy", by)
                                  .put("answer", answer));
                  draft.put(run.in(StepRun.Phase.SUCCEEDED, "happened, says " + by));
                  draft.results.put(run.runId(), result);
                  observations
                      .producedBy(goal, run)
                      .ifPresent(
                          step ->
                              AnswerFacts.from(step.produces(), result, null)
                                  .forEach(
                                      (fact, value) -> {
                                        draft.facts.put(fact, value);
                                        draft.factSources.put(fact, run.runId());
                                      }));
                }
                case DID_NOT_HAPPEN ->
                    draft.put(run.in(StepRun.Phase.FAILED, "did not happen, says " + by));
                default -> draft.put(run.in(StepRun.Phase.RETRY, by + " asked to try again"));
              }
              back(draft, awaiting, by + " says " + run.runId() + ": " + answer);
            });
    return next.after(decided, cause.eventId());
  }

  /** The outcome question again, with why the answer could not be taken first. */
  private Decision<PlannerState> askAgain(
      PlannerState goal, StepRun run, ResolutionEvent cause, String why) {
    return next.specOf(goal, run.agent())
        .map(
            spec ->
                next.askAboutOutcome(
                    goal.edit(draft -> draft.awaiting = null), spec, run, cause.eventId(), why))
        .orElseGet(() -> Decision.of(goal));
  }

  /** The asking agent holds the goal again. */
  private static void back(PlannerState.Draft draft, Awaiting awaiting, String line) {
    draft.awaiting = null;
    draft.agent = awaiting.fromAgent();
    draft.holder = Owners.agent(awaiting.fromAgent());
    draft.note(line);
    draft.status = Observations.statusOf(draft);
  }
}
