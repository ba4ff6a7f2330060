package dev.switchboard.cli;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A pending item of the handoff inbox: an item of {@code GET /api/escalations}. */
record Escalation(
    String escalationId,
    String goalId,
    String type,
    String queue,
    String agent,
    Action action,
    String reason,
    String policy,
    Instant createdAt,
    Instant deadline,
    Long slaRemainingSeconds,
    String requestedBy) {

  /** The tool call waiting for a yes or no; absent for questions and handoffs. */
  record Action(String actionId, String tool, JsonNode arguments, boolean sideEffect) {}
}
