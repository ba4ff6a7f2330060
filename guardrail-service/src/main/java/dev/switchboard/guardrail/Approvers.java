package dev.switchboard.guardrail;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may approve an escalation, checked again when the approval arrives (the inbox checks first;
 * this is defence in depth): the holders of its approver role, or the configured approvers when it
 * names none; under four-eyes never the goal's own requester.
 */
final class Approvers {
  private final Set<String> approvers;
  private final Map<String, List<String>> roles;

  Approvers(List<String> approvers, Map<String, List<String>> roles) {
    this.approvers = Set.copyOf(approvers);
    this.roles = Map.copyOf(roles);
  }

  /** Null when {@code actor} may approve; else why not. */
  String refusal(String actor, PendingApproval pending, GoalContext goal) {
    String role = pending.approverRole();
    List<String> holders = role == null ? null : roles.get(role);
    boolean authorized = holders == null ? approvers.contains(actor) : holders.contains(actor);
    if (!authorized) {
      return role == null || holders == null
          ? "'" + actor + "' is not an approver"
          : "'" + actor + "' does not hold the approver role '" + role + "'";
    }
    if (pending.fourEyes()
        && goal != null
        && goal.requestedBy() != null
        && goal.requestedBy().equals(actor)) {
      return "'" + actor + "' requested this goal and may not approve its actions (four-eyes)";
    }
    return null;
  }
}
