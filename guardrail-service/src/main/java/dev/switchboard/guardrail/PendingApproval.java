package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlannedAction;

/**
 * An action waiting for a person, kept exactly as proposed so an approval runs it unchanged.
 *
 * @param agent the agent that proposed it
 */
public record PendingApproval(String agent, PlannedAction action) {}
