package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import java.time.Clock;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a person works the inbox: lists pending escalations and turns "approve" or "deny" into a
 * resolution event. The inbox state catches up once the event is back from Kafka; until then this
 * desk remembers what it answered, so a double click is refused at once rather than written twice.
 */
public final class EscalationDesk {
  private static final Logger log = LoggerFactory.getLogger(EscalationDesk.class);

  /** Answers remembered until the inbox state has them; far more than can be in flight. */
  private static final int REMEMBERED_ANSWERS = 10_000;

  private static final Comparator<InboxItem> OLDEST_FIRST =
      Comparator.comparing(InboxItem::createdAt).thenComparing(InboxItem::escalationId);

  private final InboxSource inbox;
  private final ResolutionWriter writer;
  private final Clock clock;
  private final Map<String, String> answeredHere =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > REMEMBERED_ANSWERS;
            }
          });

  public EscalationDesk(InboxSource inbox, ResolutionWriter writer, Clock clock) {
    this.inbox = inbox;
    this.writer = writer;
    this.clock = clock;
  }

  /** Pending items, oldest first; of one goal when goalId is given. */
  public List<InboxItem> pending(Optional<String> goalId) {
    List<HandoffState> states =
        goalId.map(id -> inbox.ofGoal(id).stream().toList()).orElseGet(inbox::all);
    return states.stream()
        .flatMap(state -> state.pending().stream())
        .filter(item -> !answeredHere.containsKey(item.escalationId()))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  public InboxItem find(String escalationId) {
    return inbox.all().stream()
        .flatMap(state -> state.item(escalationId).stream())
        .findFirst()
        .orElseThrow(() -> new EscalationNotFoundException(escalationId));
  }

  public Approved approve(String escalationId, String actor, String comment) {
    InboxItem item = pendingApproval(escalationId);
    return answer(
        item,
        new Approved(
            item.goalId(),
            UUID.randomUUID(),
            item.escalationEventId(),
            clock.instant(),
            escalationId,
            actor,
            comment == null || comment.isBlank() ? null : comment));
  }

  public Denied deny(String escalationId, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidAnswerException("a denial needs a non-blank 'reason'");
    }
    InboxItem item = pendingApproval(escalationId);
    return answer(
        item,
        new Denied(
            item.goalId(),
            UUID.randomUUID(),
            item.escalationEventId(),
            clock.instant(),
            escalationId,
            actor,
            reason));
  }

  private InboxItem pendingApproval(String escalationId) {
    InboxItem item = find(escalationId);
    if (item.kind() != EscalationKind.ApprovalRequested) {
      throw new EscalationConflictException(
          "escalation '"
              + escalationId
              + "' is a "
              + item.kind()
              + "; only an ApprovalRequested can be approved or denied");
    }
    if (!item.isPending()) {
      throw alreadyResolved(escalationId, item.resolution() + " by " + item.resolvedBy());
    }
    return item;
  }

  /** Claims the item before writing, so two concurrent answers cannot both be written. */
  private <R extends ResolutionEvent> R answer(InboxItem item, R resolution) {
    String type = EventCodec.typeName(resolution);
    String earlier =
        answeredHere.putIfAbsent(item.escalationId(), type + " by " + resolution.actor());
    if (earlier != null) {
      throw alreadyResolved(item.escalationId(), earlier);
    }
    try {
      writer.write(resolution);
    } catch (RuntimeException e) {
      answeredHere.remove(item.escalationId());
      throw e;
    }
    log.info(
        "escalation {} of goal {}: {} by {}",
        item.escalationId(),
        item.goalId(),
        type,
        resolution.actor());
    return resolution;
  }

  /** {@code answer} like "Approved by ann". */
  private static EscalationConflictException alreadyResolved(String escalationId, String answer) {
    return new EscalationConflictException(
        "escalation '" + escalationId + "' is already resolved (" + answer + ")");
  }
}
