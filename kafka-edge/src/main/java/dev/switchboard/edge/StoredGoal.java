package dev.switchboard.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A goal's state as kept in the state store, with the edge's bookkeeping: the ids of the latest
 * events already applied (so a redelivered or re-sent event changes nothing), the effects still
 * waiting for a result, and the processor's timers with their due times.
 *
 * @param effects by effectId
 * @param timers due time in epoch millis, by timerId
 */
record StoredGoal<S>(
    S state, List<UUID> applied, Map<String, PendingEffect> effects, Map<String, Long> timers) {
  /** Enough to absorb producer retries and replays; older duplicates are not expected. */
  static final int REMEMBERED_EVENTS = 512;

  StoredGoal {
    applied = applied == null ? List.of() : List.copyOf(applied);
    effects = effects == null ? Map.of() : Map.copyOf(effects);
    timers = timers == null ? Map.of() : Map.copyOf(timers);
  }

  static <S> StoredGoal<S> empty() {
    return new StoredGoal<>(null, List.of(), Map.of(), Map.of());
  }

  boolean hasApplied(UUID eventId) {
    return applied.contains(eventId);
  }

  StoredGoal<S> withApplied(UUID eventId) {
    List<UUID> ids = new ArrayList<>(applied);
    ids.add(eventId);
    if (ids.size() > REMEMBERED_EVENTS) {
      ids = ids.subList(ids.size() - REMEMBERED_EVENTS, ids.size());
    }
    return new StoredGoal<>(state, ids, effects, timers);
  }

  StoredGoal<S> withState(S newState) {
    return new StoredGoal<>(newState, applied, effects, timers);
  }

  StoredGoal<S> withEffect(String effectId, PendingEffect pending) {
    Map<String, PendingEffect> changed = new TreeMap<>(effects);
    if (pending == null) {
      changed.remove(effectId);
    } else {
      changed.put(effectId, pending);
    }
    return new StoredGoal<>(state, applied, changed, timers);
  }

  StoredGoal<S> withTimer(String timerId, Long dueMillis) {
    Map<String, Long> changed = new TreeMap<>(timers);
    if (dueMillis == null) {
      changed.remove(timerId);
    } else {
      changed.put(timerId, dueMillis);
    }
    return new StoredGoal<>(state, applied, effects, changed);
  }
}
