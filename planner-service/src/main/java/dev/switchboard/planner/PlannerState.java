package dev.switchboard.planner;

import dev.switchboard.contracts.GoalStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the planner knows about one goal; kept by the kafka-edge in a changelogged store.
 *
 * @param agent the agent pursuing the goal (as requested, when it is unknown)
 * @param inputs named inputs from the goal
 * @param results what each finished action returned, by actionId (JSON null when it returned none)
 * @param pending actionIds proposed and not yet finished
 * @param requestedBy the goal's requester, passed on with each proposal (four-eyes approvals)
 */
public record PlannerState(
    String goalId,
    String agent,
    String description,
    Map<String, String> inputs,
    GoalStatus status,
    Map<String, JsonNode> results,
    List<String> pending,
    String requestedBy) {

  public PlannerState {
    inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    results = results == null ? Map.of() : Map.copyOf(results);
    pending = pending == null ? List.of() : List.copyOf(pending);
  }

  static PlannerState started(
      String goalId, String agent, String description, Map<String, String> inputs) {
    return new PlannerState(
        goalId, agent, description, inputs, GoalStatus.RUNNING, Map.of(), List.of(), null);
  }

  PlannerState requestedBy(String requester) {
    return new PlannerState(
        goalId, agent, description, inputs, status, results, pending, requester);
  }

  boolean isPending(String actionId) {
    return pending.contains(actionId);
  }

  PlannerState withStatus(GoalStatus newStatus) {
    return new PlannerState(
        goalId, agent, description, inputs, newStatus, results, pending, requestedBy);
  }

  PlannerState proposing(List<String> actionIds) {
    List<String> newPending = new ArrayList<>(pending);
    actionIds.stream().filter(id -> !newPending.contains(id)).forEach(newPending::add);
    return new PlannerState(
        goalId, agent, description, inputs, GoalStatus.RUNNING, results, newPending, requestedBy);
  }

  PlannerState withResult(String actionId, JsonNode output) {
    Map<String, JsonNode> newResults = new HashMap<>(results);
    newResults.put(actionId, output == null ? NullNode.getInstance() : output);
    List<String> newPending = new ArrayList<>(pending);
    newPending.remove(actionId);
    return new PlannerState(
        goalId,
        agent,
        description,
        inputs,
        GoalStatus.RUNNING,
        newResults,
        newPending,
        requestedBy);
  }

  PlannerState ended(GoalStatus endStatus) {
    return new PlannerState(
        goalId, agent, description, inputs, endStatus, results, List.of(), requestedBy);
  }

  /** The results as one JSON object, actionIds in order. */
  ObjectNode resultsAsJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(results).forEach(json::set);
    return json;
  }
}
