package dev.switchboard.handoff;

import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.edge.EventContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A goal's inbox items, by escalationId, and who holds the goal.
 *
 * @param holder the goal's holder after its latest reassignment ({@code agent:<name>} or {@code
 *     human:<queue>}); null while the agent that started it holds it
 * @param traces the W3C {@code traceparent} each escalation was read in, by escalationId: a
 *     person's answer, however much later, continues that trace
 * @param earlyAudits the guardrail's audit records of escalated verdicts read before their
 *     escalation (the two are written together, on two topics), by escalationId, until it arrives
 * @param endedAs how the goal ended (its outcome's type, like {@code GoalCancelled}); null while it
 *     runs. An escalation read after it opens no item anybody could still answer
 */
public record HandoffState(
    Map<String, InboxItem> items,
    String holder,
    Map<String, String> traces,
    Map<String, Audit> earlyAudits,
    String endedAs) {
  public HandoffState {
    items = items == null ? Map.of() : Map.copyOf(items);
    traces = traces == null ? Map.of() : Map.copyOf(traces);
    earlyAudits = earlyAudits == null ? Map.of() : Map.copyOf(earlyAudits);
  }

  public HandoffState(Map<String, InboxItem> items, String holder) {
    this(items, holder, Map.of(), Map.of(), null);
  }

  public HandoffState(Map<String, InboxItem> items) {
    this(items, null);
  }

  /** The trace context the escalation was read in; none when its record carried none. */
  public EventContext traceOf(String escalationId) {
    String traceparent = traces.get(escalationId);
    return traceparent == null ? EventContext.none() : new EventContext(traceparent);
  }

  HandoffState tracedIn(String escalationId, EventContext context) {
    if (context.traceparent() == null || traces.containsKey(escalationId)) {
      return this;
    }
    Map<String, String> next = new LinkedHashMap<>(traces);
    next.put(escalationId, context.traceparent());
    return new HandoffState(items, holder, next, earlyAudits, endedAs);
  }

  static HandoffState empty() {
    return new HandoffState(Map.of());
  }

  HandoffState heldBy(String newHolder) {
    return new HandoffState(items, newHolder, traces, earlyAudits, endedAs);
  }

  public Optional<InboxItem> item(String escalationId) {
    return Optional.ofNullable(items.get(escalationId));
  }

  public List<InboxItem> pending() {
    return items.values().stream().filter(InboxItem::isPending).toList();
  }

  HandoffState with(InboxItem item) {
    Map<String, InboxItem> next = new LinkedHashMap<>(items);
    next.put(item.escalationId(), item);
    Map<String, Audit> early = new LinkedHashMap<>(earlyAudits);
    early.remove(item.escalationId());
    return new HandoffState(next, holder, traces, early, endedAs);
  }

  /** Kept until the escalation it belongs to opens its item. */
  HandoffState withEarlyAudit(String escalationId, Audit audit) {
    Map<String, Audit> early = new LinkedHashMap<>(earlyAudits);
    early.put(escalationId, audit);
    return new HandoffState(items, holder, traces, early, endedAs);
  }

  /** The goal ended, as {@code outcomeType} says. */
  HandoffState endedAs(String outcomeType) {
    return new HandoffState(items, holder, traces, earlyAudits, outcomeType);
  }

  public boolean ended() {
    return endedAs != null;
  }

  Optional<Audit> earlyAudit(String escalationId) {
    return Optional.ofNullable(earlyAudits.get(escalationId));
  }
}
