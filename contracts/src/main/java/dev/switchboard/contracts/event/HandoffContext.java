package dev.switchboard.contracts.event;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Everything the next holder of a goal (another agent or a person) needs to go on without asking:
 * carried on {@link PlanEvent.HandoffProposed} and {@link EscalationEvent.HandoffRequested}.
 *
 * @param goal the goal in the words of whoever submitted it
 * @param facts what is known so far, by fact name ({@code inputs.<name>} for the goal's inputs)
 * @param history what happened so far, one line each, oldest first
 * @param results what each finished action returned, by actionId
 * @param notes what the handing agent wants the next holder to know, e.g. why it hands off
 */
public record HandoffContext(
    String goal,
    Map<String, JsonNode> facts,
    List<String> history,
    Map<String, JsonNode> results,
    String notes) {

  public HandoffContext {
    facts = sortedJson(facts);
    history = Require.list(history);
    results = sortedJson(results);
  }

  /** Sorted by key for a stable wire form; a Java null value becomes JSON null. */
  private static Map<String, JsonNode> sortedJson(Map<String, JsonNode> values) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    if (values != null) {
      values.forEach(
          (key, value) -> sorted.put(key, value == null ? NullNode.getInstance() : value));
    }
    return Collections.unmodifiableMap(sorted);
  }
}
