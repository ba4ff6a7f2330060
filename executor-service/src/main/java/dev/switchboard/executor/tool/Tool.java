package dev.switchboard.executor.tool;

import tools.jackson.databind.JsonNode;

/**
 * Something the executor can call on a goal's behalf: a name, whether it changes the world, a call.
 */
public interface Tool {

  /** The name actions refer to, e.g. {@code demo.lookup}. */
  String name();

  /** True when a call changes the outside world (mail, records), so a lost answer is not a "no". */
  boolean sideEffect();

  /**
   * True when running a call twice does no harm (read-only or idempotent), so it may be retried.
   */
  default boolean retrySafe() {
    return !sideEffect();
  }

  /** The server the tool lives on: calls to one server share a circuit breaker. */
  default String server() {
    return "builtin";
  }

  /**
   * What the {@code tools} catalog publishes about the tool: description, input schema and the
   * effective annotations. Tools that say nothing more get one built from the methods above.
   */
  default ToolDescriptor descriptor() {
    return ToolDescriptor.plain(name(), sideEffect(), retrySafe(), server());
  }

  /**
   * @return the tool's output as JSON, handed back to the planner as is: an MCP tool's structured
   *     content when it has some, else {@code {"text": ...}} with its text content; cut to the size
   *     limit with {@code "truncated": true} and the original size
   * @throws ToolFailure when the tool cleanly refuses (an MCP result with {@code isError}, an HTTP
   *     4xx); nothing changed outside
   */
  JsonNode call(ToolCall call) throws ToolFailure;
}
