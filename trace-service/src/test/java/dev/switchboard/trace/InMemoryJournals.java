package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The local store for tests without Kafka: stores, then signals, like the journal store does. */
final class InMemoryJournals implements LocalJournals {
  private final Map<String, Journal> journals = new ConcurrentHashMap<>();
  private final JournalChanges changes;
  private volatile boolean restoring;

  InMemoryJournals(JournalChanges changes) {
    this.changes = changes;
  }

  void put(Journal journal) {
    journals.put(journal.goalId(), journal);
    changes.changed(journal.goalId());
  }

  void clear() {
    journals.clear();
    restoring = false;
  }

  void restoring(boolean restoring) {
    this.restoring = restoring;
  }

  @Override
  public Optional<Journal> journal(String goalId) {
    check();
    return Optional.ofNullable(journals.get(goalId));
  }

  @Override
  public Optional<GoalListItem> head(String goalId) {
    return journal(goalId).map(GoalListItem::of);
  }

  @Override
  public List<GoalListItem> top(RecentGoalsQuery query) {
    check();
    RecentGoalsQuery.Top top = query.top();
    journals.values().stream().map(GoalListItem::of).forEach(top::offer);
    return top.newestFirst();
  }

  private void check() {
    if (restoring) {
      throw new GoalStates.StateNotReadyException("goal state is being restored; retry shortly");
    }
  }
}
