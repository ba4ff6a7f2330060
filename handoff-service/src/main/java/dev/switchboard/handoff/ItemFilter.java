package dev.switchboard.handoff;

/**
 * Which inbox items a list shows; null fields match anything.
 *
 * @param status pending (the default), resolved, or all
 */
public record ItemFilter(
    StatusFilter status, String queue, String agent, EscalationKind kind, String goalId) {

  /** Which statuses a list shows. */
  public enum StatusFilter {
    PENDING,
    RESOLVED,
    ALL
  }

  public ItemFilter {
    status = status == null ? StatusFilter.PENDING : status;
    queue = blankToNull(queue);
    agent = blankToNull(agent);
    goalId = blankToNull(goalId);
  }

  public static ItemFilter pending() {
    return new ItemFilter(StatusFilter.PENDING, null, null, null, null);
  }

  public boolean matches(InboxItem item) {
    boolean statusMatches =
        switch (status) {
          case PENDING -> item.isPending();
          case RESOLVED -> !item.isPending();
          case ALL -> true;
        };
    return statusMatches
        && (queue == null || queue.equals(item.queue()))
        && (agent == null || agent.equals(item.agent()))
        && (kind == null || kind == item.kind())
        && (goalId == null || goalId.equals(item.goalId()));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
