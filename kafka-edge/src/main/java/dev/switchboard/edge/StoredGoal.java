package dev.switchboard.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A goal's state as kept in the state store, with the ids of the latest events already applied so a
 * redelivered or re-sent event changes nothing.
 */
record StoredGoal<S>(S state, List<UUID> applied) {
  /** Enough to absorb producer retries and replays; older duplicates are not expected. */
  static final int REMEMBERED_EVENTS = 512;

  static <S> StoredGoal<S> empty() {
    return new StoredGoal<>(null, List.of());
  }

  boolean hasApplied(UUID eventId) {
    return applied.contains(eventId);
  }

  StoredGoal<S> next(S newState, UUID eventId) {
    List<UUID> ids = new ArrayList<>(applied);
    ids.add(eventId);
    if (ids.size() > REMEMBERED_EVENTS) {
      ids = ids.subList(ids.size() - REMEMBERED_EVENTS, ids.size());
    }
    return new StoredGoal<>(newState, List.copyOf(ids));
  }
}
