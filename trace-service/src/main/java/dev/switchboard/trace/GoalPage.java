package dev.switchboard.trace;

import java.util.List;

/**
 * The goals of a list query from every instance.
 *
 * @param missing the instances ({@code host:port}) that did not answer: their goals are absent
 */
record GoalPage(List<GoalListItem> goals, List<String> missing) {
  GoalPage {
    goals = List.copyOf(goals);
    missing = List.copyOf(missing);
  }
}
