package dev.switchboard.contracts.event;

import java.util.List;

/**
 * What happens when nobody answers an escalation in time, as the guardrail's policy says: it moves
 * through {@code moveTo}, in order, each queue with the whole SLA again, and expires (an expired
 * approval is denied) once none is left; an empty {@code moveTo} expires it at the first deadline.
 *
 * @param moveTo the {@code human:<queue>}s to try next, in order; empty: deny on expiry
 */
public record ExpiryRoute(List<String> moveTo) {
  public ExpiryRoute {
    moveTo = Require.list(moveTo);
    for (String queue : moveTo) {
      if (!Owners.isHuman(queue)) {
        throw new IllegalArgumentException("moveTo names human:<queue>s, not " + queue);
      }
    }
  }

  /** Expire (deny) at the first deadline. */
  public static ExpiryRoute deny() {
    return new ExpiryRoute(List.of());
  }

  /** True when the escalation expires at its first deadline. */
  public boolean deniesAtOnce() {
    return moveTo.isEmpty();
  }
}
