package dev.switchboard.trace;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Tells live streams which goals' journals changed in this instance's store. Signalled by the store
 * after each write, on the stream thread: listeners must only take note and return.
 */
final class JournalChanges {
  private final Map<String, Set<Runnable>> byGoal = new ConcurrentHashMap<>();
  private final Set<Consumer<String>> everyGoal = new CopyOnWriteArraySet<>();

  /** Stops the notices it was returned for. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  Registration watch(String goalId, Runnable listener) {
    byGoal.computeIfAbsent(goalId, id -> new CopyOnWriteArraySet<>()).add(listener);
    return () ->
        byGoal.computeIfPresent(
            goalId,
            (id, listeners) -> {
              listeners.remove(listener);
              return listeners.isEmpty() ? null : listeners;
            });
  }

  Registration watchAll(Consumer<String> listener) {
    everyGoal.add(listener);
    return () -> everyGoal.remove(listener);
  }

  /** Called once the goal's new journal is stored, so a listener that reads it sees it. */
  void changed(String goalId) {
    Set<Runnable> listeners = byGoal.get(goalId);
    if (listeners != null) {
      listeners.forEach(Runnable::run);
    }
    everyGoal.forEach(listener -> listener.accept(goalId));
  }
}
