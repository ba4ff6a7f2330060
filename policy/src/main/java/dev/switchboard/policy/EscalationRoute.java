package dev.switchboard.policy;

import java.time.Duration;

/**
 * Who must approve an escalated action, and by when.
 *
 * @param queue the inbox queue, or null for the guardrail's default queue
 * @param approverRole the role a person needs, or null for any member of the queue
 * @param fourEyes true when the goal's requester may not approve their own goal's action
 * @param sla how long a person has, or null for the inbox's default
 */
public record EscalationRoute(String queue, String approverRole, boolean fourEyes, Duration sla) {
  public static final EscalationRoute DEFAULT = new EscalationRoute(null, null, false, null);
}
