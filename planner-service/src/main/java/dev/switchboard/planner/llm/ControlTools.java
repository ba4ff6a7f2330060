package dev.switchboard.planner.llm;

import dev.switchboard.planner.spec.AgentSpec;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The planner's own tools a model calls to end its part of a goal: finish, or hand it off. */
final class ControlTools {
  static final String FINISH = "switchboard_finish";
  static final String HANDOFF = "switchboard_handoff";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ControlTools() {}

  static List<ChatRequest.ToolSpec> specs(AgentSpec agent) {
    return List.of(
        new ChatRequest.ToolSpec(
            FINISH,
            "Call when the goal is met (or nothing more can be done by tools): a one-line summary.",
            finishSchema()),
        new ChatRequest.ToolSpec(
            HANDOFF,
            "Hand the goal to another agent or to people, with the reason.",
            handoffSchema(agent)));
  }

  static JsonNode finishSchema() {
    ObjectNode schema = objectSchema();
    ((ObjectNode) schema.get("properties"))
        .putObject("summary")
        .put("type", "string")
        .put("minLength", 1);
    schema.putArray("required").add("summary");
    return schema;
  }

  static JsonNode handoffSchema(AgentSpec agent) {
    ObjectNode schema = objectSchema();
    ObjectNode properties = (ObjectNode) schema.get("properties");
    ArrayNode targets = properties.putObject("target").put("type", "string").putArray("enum");
    agent.handoffTargets().forEach(targets::add);
    properties.putObject("reason").put("type", "string").put("minLength", 1);
    schema.putArray("required").add("target").add("reason");
    return schema;
  }

  /** Any JSON object: the schema of a tool until the tools catalog gives its own. */
  static ObjectNode objectSchema() {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    schema.putObject("properties");
    return schema;
  }
}
