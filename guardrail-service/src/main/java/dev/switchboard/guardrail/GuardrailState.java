package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlanEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the guardrail knows about one goal; kept by the kafka-edge in a changelogged store.
 *
 * @param pending approvals still open, by escalationId
 * @param decided actionIds that have had their verdict, so a re-proposal gets none again
 * @param goal the goal's metadata from its GoalSubmitted, or null until that arrives
 * @param parked proposals that arrived before the goal's GoalSubmitted, judged once it does
 * @param taint labels of untrusted content in the goal's context (e.g. {@code untrusted})
 * @param taintSources the tools whose results brought it in
 * @param allowed how many actions were let through (by policy or a person)
 */
public record GuardrailState(
    Map<String, PendingApproval> pending,
    Set<String> decided,
    GoalContext goal,
    List<PlanEvent> parked,
    Set<String> taint,
    Set<String> taintSources,
    long allowed) {

  public GuardrailState {
    pending = pending == null ? Map.of() : Map.copyOf(pending);
    decided = decided == null ? Set.of() : Set.copyOf(decided);
    parked = parked == null ? List.of() : List.copyOf(parked);
    taint = taint == null ? Set.of() : Set.copyOf(taint);
    taintSources = taintSources == null ? Set.of() : Set.copyOf(taintSources);
  }

  static GuardrailState empty() {
    return new GuardrailState(Map.of(), Set.of(), null, List.of(), Set.of(), Set.of(), 0);
  }

  static GuardrailState orEmpty(GuardrailState state) {
    return state == null ? empty() : state;
  }

  boolean hasDecided(String actionId) {
    return decided.contains(actionId);
  }

  GuardrailState decided(String actionId) {
    Set<String> newDecided = new HashSet<>(decided);
    newDecided.add(actionId);
    return new GuardrailState(pending, newDecided, goal, parked, taint, taintSources, allowed);
  }

  /** Decided, and let through: it counts against the goal's use. */
  GuardrailState allowed(String actionId) {
    GuardrailState next = decided(actionId);
    return new GuardrailState(
        next.pending, next.decided, goal, parked, taint, taintSources, allowed + 1);
  }

  GuardrailState awaitingApproval(String escalationId, PendingApproval approval) {
    Map<String, PendingApproval> newPending = new HashMap<>(pending);
    newPending.put(escalationId, approval);
    return new GuardrailState(newPending, decided, goal, parked, taint, taintSources, allowed)
        .decided(approval.action().actionId());
  }

  GuardrailState resolved(String escalationId) {
    Map<String, PendingApproval> newPending = new HashMap<>(pending);
    newPending.remove(escalationId);
    return new GuardrailState(newPending, decided, goal, parked, taint, taintSources, allowed);
  }

  /**
   * The goal ended: no approval is open any more (the planner dropped the actions waiting for a
   * person), and nothing parked will be judged.
   */
  GuardrailState ended() {
    return new GuardrailState(Map.of(), decided, goal, List.of(), taint, taintSources, allowed);
  }

  GuardrailState withGoal(GoalContext newGoal) {
    return new GuardrailState(pending, decided, newGoal, parked, taint, taintSources, allowed);
  }

  GuardrailState parking(PlanEvent proposal) {
    List<PlanEvent> newParked = new ArrayList<>(parked);
    newParked.add(proposal);
    return new GuardrailState(pending, decided, goal, newParked, taint, taintSources, allowed);
  }

  GuardrailState unparked() {
    return new GuardrailState(pending, decided, goal, List.of(), taint, taintSources, allowed);
  }

  /** Untrusted content from {@code tool} has entered, or is about to enter, the goal's context. */
  GuardrailState tainted(String label, String tool) {
    Set<String> newTaint = new HashSet<>(taint);
    newTaint.add(label);
    Set<String> newSources = new HashSet<>(taintSources);
    newSources.add(tool);
    return new GuardrailState(pending, decided, goal, parked, newTaint, newSources, allowed);
  }
}
