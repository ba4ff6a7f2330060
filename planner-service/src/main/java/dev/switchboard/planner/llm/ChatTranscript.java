package dev.switchboard.planner.llm;

import dev.switchboard.planner.ModelTurn;
import dev.switchboard.planner.PlannerState;
import dev.switchboard.planner.StepRun;
import dev.switchboard.planner.spec.AgentSpec;
import dev.switchboard.planner.spec.ModelSettings;
import dev.switchboard.planner.spec.SopStep;
import dev.switchboard.planner.spec.StepAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation an agent's model sees, rebuilt from the goal's state each time: instructions,
 * the goal and its facts, then each earlier turn with the results of the calls it proposed. A turn
 * whose reply could not be used is followed by the reason, so the model can correct it.
 */
public final class ChatTranscript {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_RESULT_CHARS = 4_000;

  private final ChatReplyReader reader;
  private final Function<String, JsonNode> toolSchemas;
  private final Function<String, String> toolDescriptions;

  /**
   * @param toolSchemas a tool's input schema (from the tools catalog), or null when unknown
   */
  public ChatTranscript(ChatReplyReader reader, Function<String, JsonNode> toolSchemas) {
    this(reader, toolSchemas, tool -> null);
  }

  /**
   * @param toolDescriptions what a tool does (from the tools catalog), or null/blank when unknown
   */
  public ChatTranscript(
      ChatReplyReader reader,
      Function<String, JsonNode> toolSchemas,
      Function<String, String> toolDescriptions) {
    this.reader = reader;
    this.toolSchemas = toolSchemas;
    this.toolDescriptions = toolDescriptions;
  }

  public ChatRequest request(AgentSpec agent, PlannerState goal) {
    List<ChatRequest.Message> messages = new ArrayList<>();
    messages.add(ChatRequest.Message.system(systemPrompt(agent)));
    messages.add(ChatRequest.Message.user(goalPrompt(goal)));
    for (ModelTurn turn : goal.turnsOf(agent.name())) {
      if (turn.reply() == null) {
        continue;
      }
      ChatReply reply = JSON.treeToValue(turn.reply(), ChatReply.class);
      Optional<String> invalid = reader.problemOf(agent, reply);
      if (invalid.isPresent()) {
        messages.add(
            ChatRequest.Message.user(
                "Your previous reply could not be used: "
                    + invalid.get()
                    + ". Reply again, with tool calls only."));
        continue;
      }
      messages.add(ChatRequest.Message.assistant(reply.text(), reply.toolCalls()));
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        ModelCall call = reply.toolCalls().get(i);
        messages.add(
            ChatRequest.Message.tool(call.id(), call.name(), outcome(goal, agent, turn, i, call)));
      }
    }
    ModelSettings model = agent.model();
    return new ChatRequest(
        model.name(),
        model.temperature(),
        model.maxOutputTokens(),
        model.mode() == ModelSettings.PlanningMode.REACT,
        messages,
        tools(agent));
  }

  private List<ChatRequest.ToolSpec> tools(AgentSpec agent) {
    List<ChatRequest.ToolSpec> tools = new ArrayList<>();
    for (String tool : agent.tools()) {
      JsonNode schema = toolSchemas.apply(tool);
      String description = toolDescriptions.apply(tool);
      tools.add(
          new ChatRequest.ToolSpec(
              ModelToolNames.toModel(tool),
              description == null || description.isBlank() ? "The tool " + tool + "." : description,
              schema == null ? ControlTools.objectSchema() : schema));
    }
    tools.addAll(ControlTools.specs(agent));
    return tools;
  }

  private static String systemPrompt(AgentSpec agent) {
    StringBuilder prompt = new StringBuilder();
    prompt.append(
        agent.instructions() != null
            ? agent.instructions().strip()
            : agent.description() != null
                ? agent.description()
                : "You are agent " + agent.name() + ".");
    prompt
        .append("\n\nYou are agent '")
        .append(agent.name())
        .append("' in Switchboard. You do not run tools: you propose tool calls, Switchboard's")
        .append(" guardrail decides on each and its executor runs them, and you see the results.")
        .append(" Never repeat a call whose result you have.\n");
    prompt.append(
        agent.model().mode() == ModelSettings.PlanningMode.REACT
            ? "Propose exactly one tool call per reply; you see its result before the next.\n"
            : "Propose every call you can make now that needs no other call's result, all in one"
                + " reply: they run in parallel and you see all results together.\n");
    prompt
        .append("When the goal is met, call ")
        .append(ControlTools.FINISH)
        .append(" with a one-line summary. To hand the goal to someone else, call ")
        .append(ControlTools.HANDOFF)
        .append(" with one of: ")
        .append(String.join(", ", agent.handoffTargets()))
        .append(".\n");
    if (!agent.sop().isEmpty()) {
      prompt.append("Your usual steps:\n");
      for (SopStep step : agent.sop()) {
        prompt.append("- ").append(step.id()).append(": ").append(describe(step)).append('\n');
      }
    }
    return prompt.toString();
  }

  private static String describe(SopStep step) {
    String what =
        switch (step.action()) {
          case StepAction.CallTool call -> "call " + call.tool();
          case StepAction.HandOff handOff -> "hand off to " + handOff.target();
          case StepAction.Ask ask -> "ask " + ask.queue();
        };
    return step.rationale() == null ? what : what + " (" + step.rationale() + ")";
  }

  private static String goalPrompt(PlannerState goal) {
    return "Goal: "
        + goal.description()
        + "\nFacts so far (JSON): "
        + JSON.writeValueAsString(goal.allFacts())
        + (goal.history().isEmpty()
            ? ""
            : "\nWhat happened so far:\n- " + String.join("\n- ", goal.history()));
  }

  /** What became of a call the model proposed, as the tool message the model reads. */
  private static String outcome(
      PlannerState goal, AgentSpec agent, ModelTurn turn, int index, ModelCall call) {
    if (call.name().equals(ControlTools.HANDOFF) || call.name().equals(ControlTools.FINISH)) {
      return "done; you hold the goal again";
    }
    String runId = StepRun.runId(goal.goalId(), agent.name(), LlmPlanner.stepOf(turn, index), 1);
    Optional<StepRun> run = goal.run(runId);
    if (run.isEmpty()) {
      return "not run: propose it again if you still need it";
    }
    return switch (run.get().phase()) {
      case SUCCEEDED, DONE -> truncate(String.valueOf(goal.results().get(runId)));
      case FAILED -> "failed: " + run.get().detail();
      case DENIED -> "denied " + run.get().detail();
      case DROPPED -> "not run: the goal was cancelled";
      default -> "no result yet";
    };
  }

  private static String truncate(String text) {
    return text.length() <= MAX_RESULT_CHARS ? text : text.substring(0, MAX_RESULT_CHARS) + " ...";
  }
}
