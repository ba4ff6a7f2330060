package dev.switchboard.trace;

import java.util.List;
import java.util.Optional;

/**
 * The journals this instance holds (the partitions it owns). Each read may throw the edge's {@code
 * StateNotReadyException} while the store is restored or rebalanced: a 503 to retry.
 */
interface LocalJournals {

  Optional<Journal> journal(String goalId);

  /** The goal's head, read without its entries. */
  Optional<GoalListItem> head(String goalId);

  /** The query's goals among those held here, reading each goal's head only, one at a time. */
  List<GoalListItem> top(RecentGoalsQuery query);
}
