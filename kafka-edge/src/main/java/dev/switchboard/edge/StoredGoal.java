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
 * @param endedAt when the processor said it is done with the goal (epoch millis), or null
 * @param forgotten a tombstone: the state is gone after the retention; later events are skipped
 */
record StoredGoal<S>(
    S state,
    List<UUID> applied,
    Map<String, PendingEffect> effects,
    Map<String, Long> timers,
    Long endedAt,
    boolean forgotten) {
  /** Enough to absorb producer retries and replays; older duplicates are not expected. */
  static final int REMEMBERED_EVENTS = 512;

  StoredGoal {
    applied = applied == null ? List.of() : List.copyOf(applied);
    effects = effects == null ? Map.of() : Map.copyOf(effects);
    timers = timers == null ? Map.of() : Map.copyOf(timers);
  }

  StoredGoal(
      S state, List<UUID> applied, Map<String, PendingEffect> effects, Map<String, Long> timers) {
    this(state, applied, effects, timers, null, false);
  }

  static <S> StoredGoal<S> empty() {
    return new StoredGoal<>(null, List.of(), Map.of(), Map.of());
  }

  /** What stays of an ended goal after the retention: only that it ended. */
  static <S> StoredGoal<S> tombstone(long endedAt) {
    return new StoredGoal<>(null, List.of(), Map.of(), Map.of(), endedAt, true);
  }

  StoredGoal<S> ended(long atMillis) {
    return new StoredGoal<>(state, applied, effects, timers, atMillis, false);
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
    return new StoredGoal<>(state, ids, effects, timers, endedAt, forgotten);
  }

  StoredGoal<S> withState(S newState) {
    return new StoredGoal<>(newState, applied, effects, timers, endedAt, forgotten);
  }

  StoredGoal<S> withEffect(String effectId, PendingEffect pending) {
    Map<String, PendingEffect> changed = new TreeMap<>(effects);
    if (pending == null) {
      changed.remove(effectId);
    } else {
      changed.put(effectId, pending);
    }
    return new StoredGoal<>(state, applied, changed, timers, endedAt, forgotten);
  }

  StoredGoal<S> withTimer(String timerId, Long dueMillis) {
    Map<String, Long> changed = new TreeMap<>(timers);
    if (dueMillis == null) {
      changed.remove(timerId);
    } else {
      changed.put(timerId, dueMillis);
    }
    return new StoredGoal<>(state, applied, effects, changed, endedAt, forgotten);
  }
}
