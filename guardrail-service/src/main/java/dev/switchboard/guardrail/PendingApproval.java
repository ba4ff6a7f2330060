package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlannedAction;

/**
 * An action waiting for a person, kept exactly as proposed so an approval runs it unchanged, with
 * what the escalation asked for so the approver can be checked again.
 *
 * @param agent the agent that proposed it
 * @param approverRole the role the approver needs, or null for the configured approvers
 * @param fourEyes true when the goal's requester may not approve it
 * @param policyId the policy that escalated it
 * @param policyVersion that policy's version
 * @param rule the rule that escalated it
 * @param inputsHash the hash of what that rule saw
 * @param queue where the approval was asked; null in state kept before it was recorded
 */
public record PendingApproval(
    String agent,
    PlannedAction action,
    String approverRole,
    boolean fourEyes,
    String policyId,
    String policyVersion,
    String rule,
    String inputsHash,
    String queue) {

  /** Without its queue, as kept before the queue was. */
  public PendingApproval(
      String agent,
      PlannedAction action,
      String approverRole,
      boolean fourEyes,
      String policyId,
      String policyVersion,
      String rule,
      String inputsHash) {
    this(agent, action, approverRole, fourEyes, policyId, policyVersion, rule, inputsHash, null);
  }
}
