package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Deadlines of inbox items: how long is left, and what happens when nobody answered in time. {@link
 * #onDeadline} is the one place expiry is decided; today the desk calls it when an answer comes too
 * late, and the edge's durable timer will call it at the deadline itself.
 */
public final class SlaClock {
  /** The actor of resolutions the clock writes. */
  public static final String ACTOR = "system:sla";

  private final Clock clock;

  public SlaClock(Clock clock) {
    this.clock = clock;
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
    Duration total = Duration.between(item.createdAt(), item.deadline());
    Duration left = remaining(item);
    return item.isPending() && !left.isNegative() && left.compareTo(total.dividedBy(4)) < 0;
  }

  /**
   * What to write when a pending item's deadline has passed at {@code now}, or empty while it has
   * time (or is answered). The policy today: the item expires, and the guardrail denies an expired
   * approval. Moving it to a next queue and a reminder before the deadline come with the timers.
   */
  public Optional<ResolutionEvent> onDeadline(InboxItem item, Instant now) {
    if (!item.isPending() || now.isBefore(item.deadline())) {
      return Optional.empty();
    }
    return Optional.of(
        new Expired(
            item.goalId(),
            UUID.randomUUID(),
            item.escalationEventId(),
            now,
            item.escalationId(),
            ACTOR,
            "no answer within "
                + Durations.words(Duration.between(item.createdAt(), item.deadline()))
                + " (due "
                + item.deadline()
                + ")"));
  }
}
