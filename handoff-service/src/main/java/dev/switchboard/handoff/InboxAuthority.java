package dev.switchboard.handoff;

import dev.switchboard.websecurity.Caller;
import java.util.Optional;

/**
 * Whether a person may give an answer, decided before anything is written, so the inbox and the
 * guardrail cannot disagree: the person's roles must cover the item's queue, and an answer that
 * lets an action run needs the approver role the policy names and, under four-eyes, someone other
 * than the goal's requester.
 */
public final class InboxAuthority {
  private final QueueAccess access;

  public InboxAuthority(QueueAccess access) {
    this.access = access;
  }

  public boolean maySee(Caller caller, InboxItem item) {
    return covers(caller, item.queue());
  }

  /** The caller's roles cover the queue (the admin role covers every queue). */
  public boolean covers(Caller caller, String queue) {
    return access.covers(caller, queue);
  }

  /** Empty when the caller may give the answer; else the reason for the 403. */
  public Optional<String> refusal(Caller caller, InboxItem item, Answer answer) {
    if (!access.covers(caller, item.queue())) {
      return Optional.of(access.whyNot(caller, item.queue()));
    }
    if (!answer.grants()) {
      return Optional.empty();
    }
    if (item.approverRole() != null && !caller.hasRole(item.approverRole())) {
      return Optional.of(
          "to "
              + answer.verb()
              + " this, the policy needs the role '"
              + item.approverRole()
              + "', which '"
              + caller.name()
              + "' does not have");
    }
    // Names compare without case, so "Carol" cannot approve what "carol" asked for.
    if (item.fourEyes()
        && item.requestedBy() != null
        && item.requestedBy().equalsIgnoreCase(caller.name())) {
      return Optional.of(
          "four-eyes: '"
              + caller.name()
              + "' asked for goal "
              + item.goalId()
              + " and may not "
              + answer.verb()
              + " its actions; someone else must");
    }
    return Optional.empty();
  }
}
