package dev.switchboard.planner;

import dev.switchboard.planner.spec.AgentSpec;
import dev.switchboard.planner.spec.ArgumentTemplate;
import dev.switchboard.planner.spec.Fallback;
import dev.switchboard.planner.spec.SopStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each step of an agent's SOP stands over a goal's facts and runs. A step without runs is
 * ready once every fact it looks at is known or can no longer come (every step that produces it is
 * settled); a branch whose condition then fails is excluded; a step whose required facts will never
 * come is missing them. Settling one step can settle facts for others, so it walks to a fixpoint.
 */
final class SopWalk {

  /** Where one step stands. */
  sealed interface Standing {
    /** No more runs will come: done, skipped, excluded or unable to run. */
    default boolean settled() {
      return false;
    }
  }

  record Done() implements Standing {
    @Override
    public boolean settled() {
      return true;
    }
  }

  record Pending(StepRun run) implements Standing {}

  record Ready() implements Standing {}

  /** Not yet decidable: a fact it looks at may still come. */
  record Blocked() implements Standing {}

  /** Its branch condition does not hold. */
  record Excluded() implements Standing {
    @Override
    public boolean settled() {
      return true;
    }
  }

  /** Skipped after a failure or denial, by its fallback. */
  record Skipped() implements Standing {
    @Override
    public boolean settled() {
      return true;
    }
  }

  /** Facts it requires will never come. */
  record Missing(List<String> facts) implements Standing {
    @Override
    public boolean settled() {
      return true;
    }
  }

  /** Its last run failed or was denied, and the fallback for that is {@code fallback}. */
  record Fell(StepRun run, Fallback fallback) implements Standing {}

  /** A person asked for the call to be made again. */
  record Retry(StepRun run) implements Standing {}

  private final AgentSpec agent;
  private final PlannerState goal;
  private final Map<String, Standing> standings = new LinkedHashMap<>();

  SopWalk(AgentSpec agent, PlannerState goal) {
    this.agent = agent;
    this.goal = goal;
    for (SopStep step : agent.sop()) {
      standings.put(step.id(), fromRuns(step));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SopStep step : agent.sop()) {
        if (standings.get(step.id()) instanceof Blocked) {
          Standing next = evaluate(step);
          if (!(next instanceof Blocked)) {
            standings.put(step.id(), next);
            changed = true;
          }
        }
      }
    }
    // Still blocked at the fixpoint: steps waiting on each other's facts; none of them can run.
    for (SopStep step : agent.sop()) {
      if (standings.get(step.id()) instanceof Blocked) {
        standings.put(
            step.id(),
            new Missing(
                step.referencedFacts().stream().filter(f -> goal.fact(f).isEmpty()).toList()));
      }
    }
  }

  Standing of(SopStep step) {
    return standings.get(step.id());
  }

  /** Runs the step referenced facts come from, for the new call's {@code dependsOn}. */
  List<String> sourcesOf(SopStep step) {
    List<String> sources = new ArrayList<>();
    for (String fact : step.referencedFacts()) {
      String source = goal.factSources().get(fact);
      if (source != null
          && goal.run(source).map(run -> run.kind() == StepRun.Kind.TOOL).orElse(false)
          && !sources.contains(source)) {
        sources.add(source);
      }
    }
    return sources.stream().sorted().toList();
  }

  private Standing fromRuns(SopStep step) {
    Optional<StepRun> latest = goal.latestRun(agent.name(), step.id());
    if (latest.isEmpty()) {
      return new Blocked();
    }
    StepRun run = latest.get();
    return switch (run.phase()) {
      case SUCCEEDED, DONE -> new Done();
      case PROPOSED, ALLOWED, ESCALATED, OUTCOME_UNKNOWN, AWAITING -> new Pending(run);
      case RETRY -> new Retry(run);
      case DROPPED -> new Skipped();
      case FAILED -> fell(step, run, step.onFailure(), StepRun.Phase.FAILED);
      case DENIED -> fell(step, run, step.onDenied(), StepRun.Phase.DENIED);
    };
  }

  /** The n-th failure (or denial) takes the n-th fallback; past the end of the list, fail. */
  private Standing fell(SopStep step, StepRun run, List<Fallback> fallbacks, StepRun.Phase phase) {
    long times =
        goal.runsOf(agent.name(), step.id()).stream().filter(r -> r.phase() == phase).count();
    Fallback fallback =
        times <= fallbacks.size() ? fallbacks.get((int) times - 1) : new Fallback.Fail();
    return fallback instanceof Fallback.Skip ? new Skipped() : new Fell(run, fallback);
  }

  private Standing evaluate(SopStep step) {
    for (String fact : step.when().facts()) {
      if (unsettled(fact, step)) {
        return new Blocked();
      }
    }
    List<String> missing = new ArrayList<>();
    for (String fact : step.needs()) {
      if (goal.fact(fact).isEmpty()) {
        if (unsettled(fact, step)) {
          return new Blocked();
        }
        missing.add(fact);
      }
    }
    for (ArgumentTemplate.Placeholder placeholder : step.templatePlaceholders()) {
      switch (fill(placeholder, step)) {
        case BLOCKED -> {
          return new Blocked();
        }
        case MISSING -> missing.addAll(placeholder.facts());
        case FILLED -> {}
      }
    }
    if (!step.when().holds(fact -> goal.fact(fact).map(ArgumentTemplate::asText))) {
      return new Excluded();
    }
    return missing.isEmpty() ? new Ready() : new Missing(missing.stream().distinct().toList());
  }

  private enum Fill {
    FILLED,
    BLOCKED,
    MISSING
  }

  /** The first alternative that has a value fills it; one that may still come is waited for. */
  private Fill fill(ArgumentTemplate.Placeholder placeholder, SopStep step) {
    for (String alternative : placeholder.alternatives()) {
      if (ArgumentTemplate.isLiteral(alternative) || goal.fact(alternative).isPresent()) {
        return Fill.FILLED;
      }
      if (unsettled(alternative, step)) {
        return Fill.BLOCKED;
      }
    }
    return Fill.MISSING;
  }

  /**
   * Unknown, and another step of this agent that produces it may still do so (a step that asks for
   * a fact it produces itself, like a branch that asks a person for a missing contact, does not
   * wait for itself).
   */
  private boolean unsettled(String fact, SopStep asking) {
    if (goal.fact(fact).isPresent()) {
      return false;
    }
    return agent.producersOf(fact).stream()
        .anyMatch(step -> step != asking && !standings.get(step.id()).settled());
  }
}
