package dev.switchboard.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The goals one live list shows: those matching its query, newest update first, at most its limit.
 * Each goal's version only goes up, so an update seen twice (in the snapshot and again as a change)
 * changes nothing the second time.
 */
final class GoalListModel {
  private final RecentGoalsQuery query;
  private final Map<String, GoalListItem> goals = new LinkedHashMap<>();

  /** What a client showing the same list must do. */
  sealed interface Change {}

  record Upserted(GoalListItem goal) implements Change {}

  record Removed(String goalId) implements Change {}

  GoalListModel(RecentGoalsQuery query, List<GoalListItem> snapshot) {
    this.query = query;
    snapshot.forEach(this::apply);
  }

  RecentGoalsQuery query() {
    return query;
  }

  /** Takes a goal's new head: in (if it matches and is among the newest), out, or no change. */
  List<Change> apply(GoalListItem goal) {
    GoalListItem known = goals.get(goal.goalId());
    if (known != null && known.version() >= goal.version()) {
      return List.of();
    }
    if (!query.matches(goal)) {
      return known == null ? List.of() : List.of(remove(goal.goalId()));
    }
    goals.put(goal.goalId(), goal);
    List<Change> changes = new ArrayList<>();
    GoalListItem oldest = null;
    if (goals.size() > query.limit()) {
      oldest = goals.values().stream().max(RecentGoalsQuery.NEWEST_FIRST).orElseThrow();
      goals.remove(oldest.goalId());
    }
    if (oldest == null || !oldest.goalId().equals(goal.goalId())) {
      changes.add(new Upserted(goal));
    }
    if (oldest != null && !oldest.goalId().equals(goal.goalId())) {
      changes.add(new Removed(oldest.goalId()));
    }
    return changes;
  }

  List<Change> removeIfShown(String goalId) {
    return goals.containsKey(goalId) ? List.of(remove(goalId)) : List.of();
  }

  List<GoalListItem> goals() {
    return goals.values().stream().sorted(RecentGoalsQuery.NEWEST_FIRST).toList();
  }

  private Change remove(String goalId) {
    goals.remove(goalId);
    return new Removed(goalId);
  }
}
