package dev.switchboard.handoff;

import dev.switchboard.contracts.event.PlannedAction;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An inbox item as the REST API shows it ({@code GET /api/escalations}); a resolved one also says
 * who resolved it and how.
 */
public record EscalationView(
    String escalationId,
    String goalId,
    String type,
    String queue,
    String agent,
    ActionView action,
    String reason,
    String policy,
    Instant createdAt,
    ItemStatus status,
    String resolvedBy,
    String resolution) {

  /** The tool call waiting for a yes or no. */
  public record ActionView(String actionId, String tool, JsonNode arguments, boolean sideEffect) {
    static ActionView of(PlannedAction action) {
      return action == null
          ? null
          : new ActionView(
              action.actionId(), action.tool(), action.arguments(), action.sideEffect());
    }
  }

  static EscalationView of(InboxItem item) {
    return new EscalationView(
        item.escalationId(),
        item.goalId(),
        item.kind().name(),
        item.queue(),
        item.agent(),
        ActionView.of(item.action()),
        item.reason(),
        item.policy(),
        item.createdAt(),
        item.status(),
        item.resolvedBy(),
        item.resolution());
  }
}
