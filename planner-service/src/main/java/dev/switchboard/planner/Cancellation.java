package dev.switchboard.planner;

import java.util.UUID;

/**
 * A cancel request that waits for the goal's actions in flight to finish.
 *
 * @param eventId the GoalCancelled's eventId, the cause of the outcome
 */
public record Cancellation(UUID eventId, String reason, String requestedBy) {}
