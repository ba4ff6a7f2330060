package dev.switchboard.executor.tool;

import tools.jackson.databind.JsonNode;

/**
 * One call of a tool. The actionId travels along so side-effecting tools can be idempotent: the
 * same actionId must never change the world twice.
 */
public record ToolCall(String actionId, String goalId, JsonNode arguments) {

  /** A text argument that must be there and not blank. */
  public String requiredText(String name) throws ToolFailure {
    JsonNode value = arguments == null ? null : arguments.get(name);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new ToolFailure("argument '" + name + "' is required and must be text");
    }
    return value.asString();
  }
}
