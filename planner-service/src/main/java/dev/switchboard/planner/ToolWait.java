package dev.switchboard.planner;

import java.time.Instant;
import java.util.List;

/**
 * A goal waiting for tools its agent would call that the {@code tools} catalog does not list yet:
 * an MCP server's tools are listed only once it answers, which may be after the goal's first step.
 *
 * @param tools the tools not listed at the last check, in name order
 * @param since when the goal started waiting
 * @param until when the wait ends: still not listed then, the goal fails
 * @param nextCheck when the durable timer looks again (never after {@code until})
 */
public record ToolWait(List<String> tools, Instant since, Instant until, Instant nextCheck) {
  public ToolWait {
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
