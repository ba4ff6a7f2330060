package dev.switchboard.trace;

import java.util.List;

/** Where a live list of goals goes: JSON events for the API, HTML for the console. */
interface GoalListSink {

  /** The list as it is when the stream starts, and the instances that did not answer. */
  void snapshot(GoalListModel model, List<String> missing);

  /** A change of the list since what this sink was last given. */
  void changed(GoalListModel.Change change);

  /** Changes stopped arriving for now (a batch is done): a good moment to render. */
  default void settled(GoalListModel model) {}

  /** Nothing changed for a heartbeat's time. */
  default void idle(GoalListModel model) {}
}
