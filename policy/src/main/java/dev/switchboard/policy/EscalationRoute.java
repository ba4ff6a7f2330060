package dev.switchboard.policy;

import java.time.Duration;
import java.util.List;

/**
 * Who must approve an escalated action, by when, and what happens when nobody does.
 *
 * @param queue the inbox queue, or null for the guardrail's default queue
 * @param approverRole the role a person needs, or null for any member of the queue
 * @param fourEyes true when the goal's requester may not approve their own goal's action
 * @param sla how long a person has, or null for the inbox's default
 * @param onExpiry the {@code human:} queues the escalation moves through, in order, each time
 *     nobody answered in time, before it expires (denied); empty: it expires at the first deadline;
 *     null: the policy says nothing and the inbox's configuration decides
 */
public record EscalationRoute(
    String queue, String approverRole, boolean fourEyes, Duration sla, List<String> onExpiry) {
  public static final EscalationRoute DEFAULT = new EscalationRoute(null, null, false, null, null);

  public EscalationRoute {
    onExpiry = onExpiry == null ? null : List.copyOf(onExpiry);
  }

  /** A route that leaves expiry to the inbox. */
  public EscalationRoute(String queue, String approverRole, boolean fourEyes, Duration sla) {
    this(queue, approverRole, fourEyes, sla, null);
  }

  /** How {@code onExpiry} reads in policy files and test cases: {@code deny} or the queues. */
  public static String describeExpiry(List<String> onExpiry) {
    if (onExpiry == null) {
      return "inbox default";
    }
    return onExpiry.isEmpty() ? "deny" : "move to " + String.join(", then ", onExpiry);
  }
}
