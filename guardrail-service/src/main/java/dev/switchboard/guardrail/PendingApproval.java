package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlannedAction;

/**
 * An action waiting for a person, kept exactly as proposed so an approval runs it unchanged, with
 * what the approver is checked against.
 *
 * @param agent the agent that proposed it
 * @param queue where the approval was asked
 * @param requestedBy the goal's requester; null when unknown
 * @param approverRole a role the approver must hold; null for none
 * @param fourEyes whether the requester is kept from approving
 */
public record PendingApproval(
    String agent,
    PlannedAction action,
    String queue,
    String requestedBy,
    String approverRole,
    boolean fourEyes) {}
