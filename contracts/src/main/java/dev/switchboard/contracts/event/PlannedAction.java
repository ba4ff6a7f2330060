package dev.switchboard.contracts.event;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One tool call the planner wants made. Its actionId is stable across replays, so the executor can
 * run it at most once.
 *
 * @param dependsOn actionIds that must succeed first; empty means it may run now
 * @param sideEffect true when the tool changes the outside world (mail, records)
 */
public record PlannedAction(
    String actionId,
    String tool,
    JsonNode arguments,
    List<String> dependsOn,
    boolean sideEffect,
    String rationale) {
  public PlannedAction {
    Require.text(actionId, "actionId");
    Require.text(tool, "tool");
    arguments = Require.optionalJson(arguments);
    arguments = arguments != null ? arguments : JsonNodeFactory.instance.objectNode();
    dependsOn = Require.list(dependsOn);
  }
}
