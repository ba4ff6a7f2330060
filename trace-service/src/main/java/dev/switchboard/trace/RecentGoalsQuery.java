package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which goals {@code GET /api/goals} lists: optionally those in one status, newest update first, at
 * most {@code limit}.
 *
 * @param status null for any status
 */
record RecentGoalsQuery(GoalStatus status, int limit) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private static final Comparator<Journal> NEWEST_FIRST =
      Comparator.comparing(
              Journal::updatedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(Journal::goalId);

  /**
   * From the request parameters: a status name in any case or none; a limit of 1 or more, larger
   * ones count as {@link #MAX_LIMIT}.
   *
   * @throws InvalidQueryException saying what is wrong and what is allowed
   */
  static RecentGoalsQuery parse(String status, Integer limit) {
    GoalStatus wanted = status == null || status.isBlank() ? null : statusNamed(status);
    int count = limit == null ? DEFAULT_LIMIT : limit;
    if (count < 1) {
      throw new InvalidQueryException(
          "limit must be between 1 and " + MAX_LIMIT + ", not " + count);
    }
    return new RecentGoalsQuery(wanted, Math.min(count, MAX_LIMIT));
  }

  List<Journal> select(Collection<Journal> journals) {
    return journals.stream()
        .filter(journal -> status == null || journal.status() == status)
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  private static GoalStatus statusNamed(String status) {
    try {
      return GoalStatus.parse(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(e.getMessage());
    }
  }

  /** The request asked for something the list cannot give; the message says what is allowed. */
  static final class InvalidQueryException extends RuntimeException {
    InvalidQueryException(String message) {
      super(message);
    }
  }
}
