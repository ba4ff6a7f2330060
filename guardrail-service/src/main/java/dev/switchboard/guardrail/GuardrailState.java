package dev.switchboard.guardrail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the guardrail knows about one goal; kept by the kafka-edge in a changelogged store.
 *
 * @param pending approvals still open, by escalationId
 * @param decided actionIds that have had their verdict, so a re-proposal gets none again
 */
public record GuardrailState(Map<String, PendingApproval> pending, Set<String> decided) {

  public GuardrailState {
    pending = pending == null ? Map.of() : Map.copyOf(pending);
    decided = decided == null ? Set.of() : Set.copyOf(decided);
  }

  static GuardrailState empty() {
    return new GuardrailState(Map.of(), Set.of());
  }

  boolean hasDecided(String actionId) {
    return decided.contains(actionId);
  }

  GuardrailState decided(String actionId) {
    Set<String> newDecided = new HashSet<>(decided);
    newDecided.add(actionId);
    return new GuardrailState(pending, newDecided);
  }

  GuardrailState awaitingApproval(String escalationId, PendingApproval approval) {
    Map<String, PendingApproval> newPending = new HashMap<>(pending);
    newPending.put(escalationId, approval);
    return new GuardrailState(newPending, decided).decided(approval.action().actionId());
  }

  GuardrailState resolved(String escalationId) {
    Map<String, PendingApproval> newPending = new HashMap<>(pending);
    newPending.remove(escalationId);
    return new GuardrailState(newPending, decided);
  }
}
