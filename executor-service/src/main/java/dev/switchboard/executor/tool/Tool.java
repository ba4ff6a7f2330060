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
   * @return the tool's output, handed back to the planner as is
   * @throws ToolFailure when the tool cleanly refuses; nothing changed outside
   */
  JsonNode call(ToolCall call) throws ToolFailure;
}
