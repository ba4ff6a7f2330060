package dev.switchboard.trace;

import java.util.List;

/** The payloads of {@code GET /api/goals/events}: what each event's {@code data} holds. */
final class GoalListEvents {
  static final String SNAPSHOT = "snapshot";
  static final String GOAL = "goal";
  static final String REMOVED = "removed";

  private GoalListEvents() {}

  /**
   * The list when the stream starts.
   *
   * @param missing instances ({@code host:port}) that did not answer: their goals are absent
   */
  record Snapshot(List<GoalListItem> goals, List<String> missing) {}

  /** A goal that left the list: it no longer matches, or newer goals pushed it out. */
  record Removed(String goalId) {}
}
