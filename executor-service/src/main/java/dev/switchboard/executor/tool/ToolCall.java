package dev.switchboard.executor.tool;

import tools.jackson.databind.JsonNode;

/**
 * One call of a tool. The actionId travels along so side-effecting tools can be idempotent: the
 * same actionId must never change the world twice. Tools that accept an idempotency key get the
 * actionId as theirs: an MCP tool in {@code _meta} under {@link #IDEMPOTENCY_KEY_META} (always) and
 * as the {@link #IDEMPOTENCY_KEY_ARGUMENT} argument (when its input schema has one), an HTTP tool
 * as the {@code Idempotency-Key} header.
 */
public record ToolCall(String actionId, String goalId, JsonNode arguments) {

  /** The MCP {@code _meta} key (reverse-DNS prefix, as the MCP spec asks) of the action id. */
  public static final String IDEMPOTENCY_KEY_META = "dev.switchboard/idempotency-key";

  /** The argument filled with the action id when a tool's input schema declares it. */
  public static final String IDEMPOTENCY_KEY_ARGUMENT = "idempotencyKey";

  /** The HTTP header an HTTP tool gets the action id in. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  /** A text argument that must be there and not blank. */
  public String requiredText(String name) throws ToolFailure {
    JsonNode value = arguments == null ? null : arguments.get(name);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new ToolFailure("argument '" + name + "' is required and must be text");
    }
    return value.asString();
  }
}
