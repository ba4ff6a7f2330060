package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.DeadlineNear;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deadlines of inbox items: how long is left, when to remind, and what happens when nobody answered
 * in time. {@link #onDeadline} is the one place expiry is decided: the inbox's durable timer calls
 * it at the deadline, and the desk when an answer comes too late. Both derive the same eventId, so
 * an expiry is one event however often it is decided.
 */
public final class SlaClock {
  /** The actor of resolutions the clock writes. */
  public static final String ACTOR = "system:sla";

  /** How the clock "signs in" in the audit of what it writes. */
  static final String AUTHENTICATED_BY = "system";

  private final Clock clock;
  private final Map<String, String> nextQueues;

  public SlaClock(Clock clock) {
    this(clock, Map.of());
  }

  /**
   * @param nextQueues where an item that nobody in its queue answered in time goes next, e.g.
   *     {@code human:approvers → human:managers}, when its escalation's policy says nothing; a
   *     queue not listed lets its items expire
   */
  public SlaClock(Clock clock, Map<String, String> nextQueues) {
    this.clock = clock;
    this.nextQueues = Map.copyOf(nextQueues);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Time left to answer; negative once the deadline passed. */
  public Duration remaining(InboxItem item) {
    return Duration.between(clock.instant(), item.deadline());
  }

  public boolean isOverdue(InboxItem item) {
    return item.isPending() && !clock.instant().isBefore(item.deadline());
  }

  /** Less than a quarter of the item's time is left: worth a reminder. */
  public boolean isDueSoon(InboxItem item) {
    Duration left = remaining(item);
    return item.isPending() && !left.isNegative() && !clock.instant().isBefore(remindAt(item));
  }

  /** When the reminder is due: once a quarter of the item's SLA is left. */
  public Instant remindAt(InboxItem item) {
    return item.deadline().minus(item.sla().dividedBy(4));
  }

  /**
   * The reminder for a pending item whose deadline is near but not passed at {@code now}; empty
   * otherwise. Its eventId names the item and its deadline, so it is written once per deadline.
   */
  public Optional<DeadlineNear> reminder(InboxItem item, Instant now) {
    if (!item.isPending() || now.isBefore(remindAt(item)) || !now.isBefore(item.deadline())) {
      return Optional.empty();
    }
    return Optional.of(
        new DeadlineNear(
            item.goalId(),
            reminderId(item),
            item.escalationEventId(),
            now,
            item.escalationId(),
            ACTOR,
            item.queue(),
            item.deadline(),
            auditOf(item)));
  }

  /**
   * What to write when a pending item's deadline has passed at {@code now}, or empty while it has
   * time (or is answered). An item with a next queue (its escalation's {@code onExpiry}, else
   * {@code next-queues}) moves there ({@code Reassigned} by {@link #ACTOR}, with the whole SLA
   * again); otherwise it expires, and the guardrail denies an expired approval, the planner fails a
   * goal whose question expired.
   */
  public Optional<ResolutionEvent> onDeadline(InboxItem item, Instant now) {
    if (!item.isPending() || now.isBefore(item.deadline())) {
      return Optional.empty();
    }
    Optional<String> next = nextQueueOf(item);
    if (next.isPresent()) {
      return Optional.of(
          new Reassigned(
              item.goalId(),
              derivedId("moved", item),
              item.escalationEventId(),
              now,
              item.escalationId(),
              ACTOR,
              next.get(),
              auditOf(item)));
    }
    return Optional.of(
        new Expired(
            item.goalId(),
            derivedId("expired", item),
            item.escalationEventId(),
            now,
            item.escalationId(),
            ACTOR,
            "no answer from "
                + item.queue()
                + " within "
                + Durations.words(item.sla())
                + " (due "
                + item.deadline()
                + ")",
            auditOf(item)));
  }

  /**
   * Where the item goes next. The escalation's own {@code onExpiry} (the guardrail's policy) wins:
   * its queues in order, one per deadline missed, then expiry. Without it the configured next
   * queue, unless that is where it is, or it went round them all already.
   */
  private Optional<String> nextQueueOf(InboxItem item) {
    long moves =
        item.history().stream()
            .filter(
                line ->
                    ACTOR.equals(line.actor())
                        && Reassigned.class.getSimpleName().equals(line.what()))
            .count();
    if (item.onExpiry() != null) {
      List<String> route = item.onExpiry().moveTo();
      return moves < route.size() ? Optional.of(route.get((int) moves)) : Optional.empty();
    }
    String next = nextQueues.get(item.queue());
    if (next == null || next.equals(item.queue())) {
      return Optional.empty();
    }
    return moves >= nextQueues.size() ? Optional.empty() : Optional.of(next);
  }

  /** The eventId of the item's reminder for its current deadline. */
  public UUID reminderId(InboxItem item) {
    return derivedId("reminder", item);
  }

  /** The same item at the same deadline always gets the same eventId. */
  private static UUID derivedId(String what, InboxItem item) {
    return UUID.nameUUIDFromBytes(
        (what + ":" + item.escalationId() + ":" + item.deadline())
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The clock acts for nobody; its audit keeps the trace the escalation came with. */
  static ResolutionAudit auditOf(InboxItem item) {
    return new ResolutionAudit(AUTHENTICATED_BY, List.of(), null, null, item.traceId());
  }
}
