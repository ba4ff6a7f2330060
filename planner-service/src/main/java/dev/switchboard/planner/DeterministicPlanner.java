package dev.switchboard.planner;

import dev.switchboard.contracts.event.Owners;
import dev.switchboard.planner.SopWalk.Fell;
import dev.switchboard.planner.SopWalk.Missing;
import dev.switchboard.planner.SopWalk.Pending;
import dev.switchboard.planner.SopWalk.Ready;
import dev.switchboard.planner.SopWalk.Retry;
import dev.switchboard.planner.SopWalk.Standing;
import dev.switchboard.planner.spec.AgentSpec;
import dev.switchboard.planner.spec.ArgumentTemplate;
import dev.switchboard.planner.spec.Fallback;
import dev.switchboard.planner.spec.SopStep;
import dev.switchboard.planner.spec.StepAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The default planner: no model, no network. It walks the agent's SOP over the facts observed so
 * far and proposes every step whose preconditions hold — independent steps go out together and run
 * in parallel. Failures and denials take the step's fallback (another tool, skip, hand off, fail);
 * handoffs and questions wait until no action is in flight; a step that can never get its facts
 * makes the agent stuck, which sends the goal to a person.
 */
public final class DeterministicPlanner implements Planner {

  @Override
  public NextSteps next(AgentSpec agent, PlannerState goal) {
    SopWalk walk = new SopWalk(agent, goal);
    List<NextSteps.Call> calls = new ArrayList<>();
    boolean pending = false;
    NextSteps waitingTurn = null;
    List<String> stuck = new ArrayList<>();
    for (SopStep step : agent.sop()) {
      Standing standing = walk.of(step);
      switch (standing) {
        case Ready ready -> {
          if (step.action() instanceof StepAction.CallTool call) {
            calls.add(call(step, 1, call.tool(), call.arguments(), call.sideEffect(), goal, walk));
          } else if (waitingTurn == null) {
            waitingTurn = turnOf(step, goal, 1);
          }
        }
        case Retry retry ->
            calls.add(
                new NextSteps.Call(
                    step.id(),
                    retry.run().attempt() + 1,
                    retry.run().tool(),
                    retry.run().arguments(),
                    retry.run().sideEffect(),
                    walk.sourcesOf(step),
                    "again, as a person asked: " + rationaleOf(step)));
        case Fell fell -> {
          switch (fell.fallback()) {
            case Fallback.Fail fail -> {
              return failure(agent, step, fell.run());
            }
            case Fallback.Alternate alternate ->
                calls.add(
                    call(
                        step,
                        fell.run().attempt() + 1,
                        alternate.tool(),
                        alternate.arguments(),
                        alternate.sideEffect(),
                        goal,
                        walk));
            case Fallback.HandOffTo handOff -> {
              if (waitingTurn == null) {
                waitingTurn =
                    new NextSteps.HandOff(
                        handOff.target(),
                        "step "
                            + step.id()
                            + " ("
                            + describe(fell.run())
                            + ") "
                            + (fell.run().phase() == StepRun.Phase.DENIED ? "was denied" : "failed")
                            + ": "
                            + fell.run().detail(),
                        step.id(),
                        fell.run().attempt() + 1,
                        Awaiting.Purpose.FALLBACK);
              }
            }
            case Fallback.Skip skip -> {}
          }
        }
        case Pending p -> pending = true;
        case Missing missing ->
            stuck.add(
                "step "
                    + step.id()
                    + " needs "
                    + String.join(", ", missing.facts())
                    + ", which the goal does not have");
        case SopWalk.Blocked blocked -> {}
        case SopWalk.Done done -> {}
        case SopWalk.Excluded excluded -> {}
        case SopWalk.Skipped skipped -> {}
      }
    }
    if (!calls.isEmpty()) {
      return new NextSteps.Propose(calls);
    }
    if (pending) {
      return new NextSteps.AwaitResults();
    }
    if (waitingTurn != null) {
      return waitingTurn;
    }
    if (!stuck.isEmpty()) {
      return new NextSteps.Stuck("agent '" + agent.name() + "': " + String.join("; ", stuck));
    }
    return new NextSteps.GoalMet(summary(agent, walk));
  }

  private static NextSteps.Call call(
      SopStep step,
      int attempt,
      String tool,
      tools.jackson.databind.JsonNode template,
      boolean sideEffect,
      PlannerState goal,
      SopWalk walk) {
    return new NextSteps.Call(
        step.id(),
        attempt,
        tool,
        ArgumentTemplate.render(template, goal::fact),
        sideEffect,
        walk.sourcesOf(step),
        rationaleOf(step));
  }

  private static NextSteps turnOf(SopStep step, PlannerState goal, int attempt) {
    return switch (step.action()) {
      case StepAction.HandOff handOff ->
          new NextSteps.HandOff(
              handOff.target(),
              ArgumentTemplate.renderText(handOff.reason(), goal::fact),
              step.id(),
              attempt,
              Owners.isAgent(handOff.target()) ? Awaiting.Purpose.DELEGATE : Awaiting.Purpose.STEP);
      case StepAction.Ask ask ->
          new NextSteps.Ask(
              ask.queue(),
              ArgumentTemplate.renderText(ask.question(), goal::fact),
              step.id(),
              attempt);
      case StepAction.CallTool call -> throw new IllegalStateException("not a handoff or question");
    };
  }

  private static NextSteps failure(AgentSpec agent, SopStep step, StepRun run) {
    boolean denied = run.phase() == StepRun.Phase.DENIED;
    return new NextSteps.Fail(
        denied ? "Action denied" : "Action failed",
        "step "
            + step.id()
            + " of agent '"
            + agent.name()
            + "' ("
            + describe(run)
            + ") "
            + (denied ? "was denied" : "failed")
            + ": "
            + run.detail());
  }

  private static String describe(StepRun run) {
    return run.kind() == StepRun.Kind.TOOL ? run.runId() + ", " + run.tool() : run.runId();
  }

  private static String rationaleOf(SopStep step) {
    return step.rationale() == null ? "step " + step.id() + " of the SOP" : step.rationale();
  }

  private static String summary(AgentSpec agent, SopWalk walk) {
    long done = agent.sop().stream().filter(s -> walk.of(s) instanceof SopWalk.Done).count();
    long skipped =
        agent.sop().stream()
            .filter(
                s ->
                    walk.of(s) instanceof SopWalk.Skipped || walk.of(s) instanceof SopWalk.Excluded)
            .count();
    return "Agent '"
        + agent.name()
        + "' completed its SOP: "
        + done
        + " of "
        + agent.sop().size()
        + " steps done"
        + (skipped > 0 ? ", " + skipped + " not needed or skipped" : "");
  }
}
