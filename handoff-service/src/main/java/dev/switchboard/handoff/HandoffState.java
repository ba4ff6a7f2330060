package dev.switchboard.handoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A goal's inbox items, by escalationId, and who holds the goal.
 *
 * @param holder the goal's holder after its latest reassignment ({@code agent:<name>} or {@code
 *     human:<queue>}); null while the agent that started it holds it
 */
public record HandoffState(Map<String, InboxItem> items, String holder) {
  public HandoffState {
    items = items == null ? Map.of() : Map.copyOf(items);
  }

  public HandoffState(Map<String, InboxItem> items) {
    this(items, null);
  }

  static HandoffState empty() {
    return new HandoffState(Map.of());
  }

  HandoffState heldBy(String newHolder) {
    return new HandoffState(items, newHolder);
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
    return new HandoffState(next, holder);
  }
}
