package dev.switchboard.cli;

import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;

/** Where goals go; Kafka in real runs, a list in tests. */
interface GoalSubmitter {
  /** Sends the goal and returns its goalId once the broker has it. */
  String submit(GoalSubmitted goal);
}
