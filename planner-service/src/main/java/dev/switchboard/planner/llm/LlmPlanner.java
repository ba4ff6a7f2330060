package dev.switchboard.planner.llm;

import dev.switchboard.contracts.event.Owners;
import dev.switchboard.planner.Awaiting;
import dev.switchboard.planner.ModelTurn;
import dev.switchboard.planner.NextSteps;
import dev.switchboard.planner.Planner;
import dev.switchboard.planner.PlannerState;
import dev.switchboard.planner.spec.AgentSpec;
import dev.switchboard.planner.spec.ModelSettings;
import dev.switchboard.planner.spec.SopStep;
import dev.switchboard.planner.spec.StepAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model proposes, Switchboard disposes: the planner asks the agent's model for the next calls
 * (a {@link NextSteps.Consult} the planner service runs as a durable effect), and turns its checked
 * reply into proposals that pass the guardrail like any other. Plan-and-execute takes every call of
 * a reply at once and asks again only when their results are in; ReAct takes one call per turn. A
 * reply that cannot be used is sent back once with the reason; a second one goes to a person.
 */
public final class LlmPlanner implements Planner {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ChatTranscript transcript;
  private final ChatReplyReader reader;
  private final Predicate<String> sideEffects;

  /**
   * @param sideEffects whether a tool changes the outside world (from the tools catalog, or the
   *     agent's steps that say so)
   */
  public LlmPlanner(
      ChatTranscript transcript, ChatReplyReader reader, Predicate<String> sideEffects) {
    this.transcript = transcript;
    this.reader = reader;
    this.sideEffects = sideEffects;
  }

  @Override
  public NextSteps next(AgentSpec agent, PlannerState goal) {
    boolean running =
        goal.runs().values().stream()
            .anyMatch(run -> run.agent().equals(agent.name()) && run.phase().open());
    if (running) {
      return new NextSteps.AwaitResults();
    }
    List<ModelTurn> turns = goal.turnsOf(agent.name());
    if (turns.isEmpty()) {
      return consult(agent, goal);
    }
    ModelTurn last = turns.getLast();
    if (last.reply() == null) {
      return new NextSteps.AwaitResults();
    }
    if (acted(goal, agent, last)) {
      return consult(agent, goal);
    }
    ChatReply reply = JSON.treeToValue(last.reply(), ChatReply.class);
    return switch (reader.read(agent, reply)) {
      case ChatReplyReader.Reading.Calls calls -> propose(agent, last, calls.calls());
      case ChatReplyReader.Reading.Finish finish -> new NextSteps.GoalMet(finish.summary());
      case ChatReplyReader.Reading.HandOff handOff ->
          new NextSteps.HandOff(
              handOff.target(),
              handOff.reason(),
              stepOf(last, "handoff"),
              1,
              Owners.isAgent(handOff.target()) ? Awaiting.Purpose.DELEGATE : Awaiting.Purpose.STEP);
      case ChatReplyReader.Reading.Invalid invalid ->
          turns.size() > 1 && invalidReply(agent, turns.get(turns.size() - 2))
              ? new NextSteps.HandOff(
                  agent.escalationQueue(),
                  "stuck: the model of agent '"
                      + agent.name()
                      + "' gave no usable reply twice; last: "
                      + invalid.reason(),
                  stepOf(last, "person"),
                  1,
                  Awaiting.Purpose.STUCK)
              : consult(agent, goal);
    };
  }

  /** The step a call of a turn runs as: {@code t<turn>-<call>} (from 1). */
  static String stepOf(ModelTurn turn, int callIndex) {
    return stepOf(turn, String.valueOf(callIndex + 1));
  }

  private static String stepOf(ModelTurn turn, String suffix) {
    return "t" + turn.number() + "-" + suffix;
  }

  private NextSteps consult(AgentSpec agent, PlannerState goal) {
    return new NextSteps.Consult(JSON.valueToTree(transcript.request(agent, goal)));
  }

  private NextSteps propose(AgentSpec agent, ModelTurn turn, List<ChatReplyReader.Call> calls) {
    List<ChatReplyReader.Call> taken =
        agent.model().mode() == ModelSettings.PlanningMode.REACT ? calls.subList(0, 1) : calls;
    List<NextSteps.Call> proposals = new ArrayList<>();
    for (int i = 0; i < taken.size(); i++) {
      ChatReplyReader.Call call = taken.get(i);
      proposals.add(
          new NextSteps.Call(
              stepOf(turn, i),
              1,
              call.tool(),
              call.arguments(),
              sideEffect(agent, call.tool()),
              List.of(),
              "proposed by the model of agent '"
                  + agent.name()
                  + "' (turn "
                  + turn.number()
                  + ")"));
    }
    return new NextSteps.Propose(proposals);
  }

  /** A turn was acted on once any of its calls (or its handoff) became a run. */
  private static boolean acted(PlannerState goal, AgentSpec agent, ModelTurn turn) {
    String prefix = "t" + turn.number() + "-";
    return goal.runs().values().stream()
        .anyMatch(run -> run.agent().equals(agent.name()) && run.step().startsWith(prefix));
  }

  private boolean invalidReply(AgentSpec agent, ModelTurn turn) {
    return turn.reply() != null
        && reader.problemOf(agent, JSON.treeToValue(turn.reply(), ChatReply.class)).isPresent();
  }

  private boolean sideEffect(AgentSpec agent, String tool) {
    return sideEffects.test(tool)
        || agent.sop().stream()
            .map(SopStep::action)
            .anyMatch(
                a -> a instanceof StepAction.CallTool c && c.tool().equals(tool) && c.sideEffect());
  }
}
