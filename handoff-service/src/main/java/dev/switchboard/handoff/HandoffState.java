package dev.switchboard.handoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A goal's inbox items, by escalationId. */
public record HandoffState(Map<String, InboxItem> items) {
  public HandoffState {
    items = items == null ? Map.of() : Map.copyOf(items);
  }

  static HandoffState empty() {
    return new HandoffState(Map.of());
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
    return new HandoffState(next);
  }
}
