package dev.switchboard.executor;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.PlannedAction;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code tool} effect carries from the verified request to the worker: enough to call the
 * tool and to report its result on {@code action-result}.
 *
 * @param sideEffect the tool's or the action's claim, whichever says yes
 * @param requestEventId the ActionRequested this answers (the result's causation)
 */
record ToolRequest(
    String actionId,
    String tool,
    JsonNode arguments,
    boolean sideEffect,
    UUID requestEventId,
    Instant expiresAt) {

  static ToolRequest of(ActionRequested request, boolean toolHasSideEffect) {
    PlannedAction action = request.action();
    return new ToolRequest(
        action.actionId(),
        action.tool(),
        action.arguments(),
        toolHasSideEffect || action.sideEffect(),
        request.eventId(),
        request.expiresAt());
  }

  JsonNode toJson(JsonMapper mapper) {
    return mapper.valueToTree(this);
  }

  static ToolRequest fromJson(JsonNode json, JsonMapper mapper) {
    return mapper.treeToValue(json, ToolRequest.class);
  }
}
